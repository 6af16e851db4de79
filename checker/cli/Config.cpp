#include "cli/Config.h"

#include "llvm/Support/FileSystem.h"
#include <cmath>
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "report/InputFile.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

#include <sstream>

using namespace vmbcheck;


namespace llvm::yaml {
template <> struct MappingTraits<Config> {
  static void mapping(IO &IO, Config &C) {
    IO.mapOptional("Rules", C.Rules);
    IO.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    IO.mapOptional("RuleLevels", C.RuleLevels);
    IO.mapOptional("MaxNodes", C.MaxNodes);
    IO.mapOptional("MaxSeconds", C.MaxSeconds);
    IO.mapOptional("ExtraArgs", C.ExtraArgs);
    IO.mapOptional("ExtraArgsBefore", C.ExtraArgsBefore);
    IO.mapOptional("InheritParentConfig", C.InheritParentConfig);
  }
  static std::string validate(IO &, Config &C) {
    if (C.MaxSeconds && !(std::isfinite(*C.MaxSeconds) && *C.MaxSeconds > 0 &&
                          *C.MaxSeconds <= 1e9))
      return "MaxSeconds must be a positive number of seconds";
    if (C.MaxNodes && *C.MaxNodes == 0)
      return "MaxNodes must be positive";
    return "";
  }
};
template <> struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO &IO, StringRef Key, std::map<std::string, std::string> &M) {
    std::string &Level = M[Key.str()];
    IO.mapRequired(Key.str().c_str(), Level);
    if (Level != "error" && Level != "warning" && Level != "note")
      IO.setError("RuleLevels: the level of " + Key + " must be error, warning or note, not '" +
                  Level + "'");
  }
  static void output(IO &IO, std::map<std::string, std::string> &M) {
    for (auto &[K, V] : M)
      IO.mapRequired(K.c_str(), V);
  }
};
} // namespace llvm::yaml

namespace vmbcheck {

Config Config::merge(const Config &Parent, const Config &Child) {
  Config M = Parent;
  if (Child.Rules)
    M.Rules = Parent.Rules ? *Parent.Rules + "," + *Child.Rules : *Child.Rules;
  if (Child.WarningsAsErrors)
    M.WarningsAsErrors = Parent.WarningsAsErrors
                             ? *Parent.WarningsAsErrors + "," + *Child.WarningsAsErrors
                             : *Child.WarningsAsErrors;
  for (const auto &[Rule, Level] : Child.RuleLevels)
    M.RuleLevels[Rule] = Level;
  if (Child.MaxNodes)
    M.MaxNodes = Child.MaxNodes;
  if (Child.MaxSeconds)
    M.MaxSeconds = Child.MaxSeconds;
  M.ExtraArgs.insert(M.ExtraArgs.end(), Child.ExtraArgs.begin(), Child.ExtraArgs.end());
  M.ExtraArgsBefore.insert(M.ExtraArgsBefore.end(), Child.ExtraArgsBefore.begin(),
                           Child.ExtraArgsBefore.end());
  M.InheritParentConfig = Child.InheritParentConfig;
  M.Sources.insert(M.Sources.end(), Child.Sources.begin(), Child.Sources.end());
  return M;
}

bool Config::ruleEnabled(llvm::StringRef RuleId) const {
  return matchesGlobs(Rules.value_or("VMB*"), RuleId);
}

bool Config::ruleIsError(llvm::StringRef RuleId) const {
  return WarningsAsErrors && matchesGlobs(*WarningsAsErrors, RuleId);
}

std::string Config::levelOf(llvm::StringRef RuleId, llvm::StringRef Default) const {
  if (auto It = RuleLevels.find(RuleId.str()); It != RuleLevels.end())
    return It->second;
  if (ruleIsError(RuleId))
    return "error";
  return Default.str();
}

std::string Config::toYaml() const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::yaml::Output Y(OS);
  Config Copy = *this;
  if (!Copy.Rules)
    Copy.Rules = "VMB*";
  Y << Copy;
  OS.flush();
  return Out;
}

// The configuration as UTF-8 text: a UTF-16 file with a byte-order mark
// (what Windows PowerShell's `>` writes) is decoded, a UTF-8 mark dropped;
// anything else that is not UTF-8 text without control characters is
// refused with the reason.
static std::optional<std::string> configText(llvm::StringRef Bytes, llvm::StringRef FileName,
                                             std::string &Error) {
  std::optional<std::string> Decoded = decodeByteOrderMark(Bytes.str());
  if (!Decoded) {
    Error = FileName.str() + ": not valid UTF-16 text";
    return std::nullopt;
  }
  std::string Text = std::move(*Decoded);
  if (!llvm::json::isUTF8(Text)) {
    Error = FileName.str() + ": not a text file (not UTF-8 or UTF-16 with a byte-order mark)";
    return std::nullopt;
  }
  unsigned Line = 1;
  for (char C : Text) {
    if (C == '\n')
      ++Line;
    else if ((static_cast<unsigned char>(C) < 0x20 && C != '\t' && C != '\r') || C == 0x7F) {
      Error = FileName.str() + ":" + std::to_string(Line) +
              ": a control character (byte " + std::to_string(unsigned(C)) +
              "): not a YAML text file";
      return std::nullopt;
    }
  }
  return Text;
}

std::optional<Config> parseConfig(llvm::StringRef Bytes, llvm::StringRef FileName,
                                  std::string &Error) {
  auto Decoded = configText(Bytes, FileName, Error);
  if (!Decoded)
    return std::nullopt;
  llvm::StringRef Text = *Decoded;
  // LLVM's YAML reader crashes reporting a problem when the document is not
  // a mapping at all (llvm::yaml::Input::setError without a current node):
  // say so here instead.
  {
    llvm::SourceMgr SM;
    llvm::yaml::Stream Probe(Text, SM, /*ShowColors=*/false);
    SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {});
    for (llvm::yaml::Document &D : Probe) {
      llvm::yaml::Node *Root = D.getRoot();
      if (Root && !llvm::isa<llvm::yaml::MappingNode>(Root) &&
          !llvm::isa<llvm::yaml::NullNode>(Root) && !Probe.failed()) {
        Error = FileName.str() + ": expected a mapping of keys (Rules:, RuleLevels:, ...)";
        return std::nullopt;
      }
      break;
    }
  }
  struct Context {
    std::string File, Message;
  } Ctx{FileName.str(), ""};
  auto Handler = [](const llvm::SMDiagnostic &D, void *P) {
    auto *C = static_cast<Context *>(P);
    if (!C->Message.empty())
      return;
    // What the file says is not repeated (it may hold anything); a key that
    // is a typo of a known one is named by the known key.
    std::string Message = withoutQuotedContent(D.getMessage().str());
    llvm::StringRef Said = D.getMessage();
    if (Said.consume_front("unknown key '") && Said.consume_back("'")) {
      static const char *Known[] = {"Rules",     "WarningsAsErrors", "RuleLevels",
                                    "MaxNodes",  "MaxSeconds",       "ExtraArgs",
                                    "ExtraArgsBefore", "InheritParentConfig"};
      const char *Best = nullptr;
      unsigned BestDistance = 3;
      for (const char *K : Known)
        if (unsigned Dist = Said.edit_distance(K, true, BestDistance); Dist < BestDistance) {
          Best = K;
          BestDistance = Dist;
        }
      Message = Best ? std::string("unknown key; did you mean '") + Best + "'?"
                     : "unknown key (the keys are Rules, WarningsAsErrors, RuleLevels, MaxNodes, "
                       "MaxSeconds, ExtraArgs, ExtraArgsBefore, InheritParentConfig)";
    }
    C->Message = C->File + ":" + std::to_string(D.getLineNo()) + ":" +
                 std::to_string(D.getColumnNo() + 1) + ": " + Message;
  };
  Config C;
  llvm::yaml::Input In(Text, &Ctx, Handler, &Ctx);
  if (!Text.trim().empty())
    In >> C;
  if (In.error()) {
    Error = Ctx.Message.empty() ? FileName.str() + ": " + In.error().message() : Ctx.Message;
    return std::nullopt;
  }
  C.Sources.push_back(FileName.str());
  return C;
}

ConfigResolver::ConfigResolver(std::optional<std::string> ExplicitFile, Config Overrides)
    : ExplicitFile(std::move(ExplicitFile)), Overrides(std::move(Overrides)) {}

static std::optional<Config> loadFile(llvm::StringRef Path, std::string &Error) {
  auto Text = readInputFile(Path.str(), "the configuration", Error);
  if (!Text)
    return std::nullopt;
  return parseConfig(*Text, Path, Error);
}

std::optional<Config> ConfigResolver::forDirectory(llvm::StringRef Dir, std::string &Error) {
  // Caller holds Lock.
  auto It = Cache.find(Dir.str());
  if (It != Cache.end()) {
    Error = Errors[Dir.str()];
    return It->second;
  }
  std::optional<Config> Result = Config();
  llvm::SmallString<256> File(Dir);
  llvm::sys::path::append(File, ".vmbcheck.yaml");
  llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
  if (llvm::sys::fs::exists(File)) {
    Result = loadFile(File, Error);
    if (Result && Result->InheritParentConfig.value_or(false) && !Parent.empty() &&
        Parent != Dir) {
      auto Up = forDirectory(Parent, Error);
      Result = Up ? std::optional<Config>(Config::merge(*Up, *Result)) : std::nullopt;
    }
  } else if (!Parent.empty() && Parent != Dir) {
    Result = forDirectory(Parent, Error);
  }
  Cache[Dir.str()] = Result;
  Errors[Dir.str()] = Error;
  return Result;
}

std::optional<Config> ConfigResolver::forFile(llvm::StringRef SourcePath, std::string &Error) {
  std::lock_guard<std::mutex> G(Lock);
  std::optional<Config> Base;
  if (ExplicitFile) {
    Base = loadFile(*ExplicitFile, Error);
  } else {
    llvm::SmallString<256> Abs(SourcePath);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    Base = forDirectory(llvm::sys::path::parent_path(Abs), Error);
  }
  if (!Base)
    return std::nullopt;
  Config O = Overrides;
  O.Sources.clear();
  Config Result = Config::merge(*Base, O);
  if (Overrides.MaxNodes)
    Result.MaxNodes = Overrides.MaxNodes;
  if (Overrides.MaxSeconds)
    Result.MaxSeconds = Overrides.MaxSeconds;
  return Result;
}

} // namespace vmbcheck
