#include "report/SarifWriter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <map>

#include "llvm/ADT/StringRef.h"

#include <cstdio>
#include <map>

namespace vmbcheck {

using nlohmann::json;

static std::string percentEncode(llvm::StringRef S) {
  std::string Out;
  for (unsigned char C : S) {
    if (std::isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/') {
      Out += static_cast<char>(C);
    } else {
      char Buf[4];
      snprintf(Buf, sizeof Buf, "%%%02X", C);
      Out += Buf;
    }
  }
  return Out;
}

// One spelling per file: absolute, without `.` and `..`, links resolved, so
// that `./x.c`, `build/../x.c` and `/abs/x.c` give one URI.
static std::string canonicalPath(const std::string &Path) {
  static std::map<std::string, std::string> Cache; // the writer is single-threaded
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  llvm::SmallString<256> Out;
  if (llvm::sys::fs::real_path(Path, Out)) {
    Out = Path;
    llvm::sys::fs::make_absolute(Out);
    llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  }
  return Cache[Path] = Out.str().str();
}

std::string artifactUri(const std::string &Path, const std::string &Root, bool &Relative) {
  std::string Canonical = Path.empty() ? Path : canonicalPath(Path);
  llvm::StringRef P(Canonical);
  std::string R = Root.empty() ? Root : canonicalPath(Root);
  if (!R.empty() && R.back() != '/')
    R += '/';
  if (!R.empty() && P.starts_with(R)) {
    Relative = true;
    return percentEncode(P.drop_front(R.size()));
  }
  Relative = false;
  return "file://" + percentEncode(P);
}

static uint64_t fnv1a(llvm::StringRef S, uint64_t H = 0xcbf29ce484222325ULL) {
  for (unsigned char C : S) {
    H ^= C;
    H *= 0x100000001b3ULL;
  }
  return H;
}

std::string lineHash(const Finding &F) {
  // Whitespace-insensitive, so re-indentation does not resurrect results.
  std::string Line;
  for (char C : F.LineText)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Line += C;
  uint64_t H = fnv1a(F.RuleId);
  H = fnv1a("\x1f" + F.Function, H);
  H = fnv1a("\x1f" + Line, H);
  char Buf[20];
  snprintf(Buf, sizeof Buf, "%016llx", static_cast<unsigned long long>(H));
  return Buf;
}

static std::string sentence(std::string S) {
  if (!S.empty() && S.back() != '.' && S.back() != '!' && S.back() != '?')
    S += '.';
  return S;
}

namespace {
class Builder {
public:
  Builder(const RuleCatalog &Rules, const SarifOptions &Options)
      : Rules(Rules), Options(Options) {}

  json physical(const SourceSpan &S) const {
    bool Relative = false;
    json Artifact = {{"uri", artifactUri(S.File, Options.SourceRoot, Relative)}};
    if (Relative)
      Artifact["uriBaseId"] = "%SRCROOT%";
    json P = {{"artifactLocation", Artifact}};
    if (S.Line) {
      json Region = {{"startLine", S.Line}};
      if (S.Column) {
        Region["startColumn"] = S.Column;
        Region["endLine"] = S.EndLine ? S.EndLine : S.Line;
        Region["endColumn"] = S.EndColumn > 0 ? S.EndColumn : S.Column + 1;
      }
      P["region"] = Region;
    }
    return P;
  }

  json rule(const RuleInfo &R) const {
    json Props = {{"tags", R.Tags}, {"precision", R.Precision}};
    if (!R.SecuritySeverity.empty())
      Props["security-severity"] = R.SecuritySeverity;
    if (!R.CodeAnalysis.empty()) {
      std::vector<std::string> CA;
      for (unsigned N : R.CodeAnalysis)
        CA.push_back("C" + std::to_string(N));
      Props["codeAnalysisWarnings"] = CA;
    }
    json Help = {{"text", sentence(R.Help)}};
    if (!R.HelpMarkdown.empty())
      Help["markdown"] = R.HelpMarkdown;
    return {{"id", R.Id},
            {"name", R.Name},
            {"shortDescription", {{"text", sentence(R.ShortDescription)}}},
            {"fullDescription", {{"text", sentence(R.FullDescription)}}},
            {"help", Help},
            {"helpUri", Options.InformationUri + "/blob/main/" + R.DocPath},
            {"defaultConfiguration", {{"level", R.Level}}},
            {"properties", Props}};
  }

  json result(const Finding &F, std::map<std::string, unsigned> &Occurrences) const {
    const RuleInfo *R = Rules.find(F.RuleId);
    json Loc = {{"physicalLocation", physical(F.Where)}};
    if (!F.Function.empty())
      Loc["logicalLocations"] = json::array(
          {{{"name", F.Function}, {"fullyQualifiedName", F.Function}, {"kind", "function"}}});
    std::string Fingerprint = F.Fingerprint;
    if (Fingerprint.empty()) {
      std::string Hash = lineHash(F);
      Fingerprint = Hash + ":" + std::to_string(++Occurrences[F.Where.File + '\0' + Hash]);
    }
    json Res = {{"ruleId", F.RuleId},
                {"ruleIndex", Rules.indexOf(F.RuleId)},
                {"level", !F.Level.empty() ? F.Level : R ? R->Level : "warning"},
                {"message", {{"text", sentence(F.Message)}}},
                {"locations", json::array({Loc})},
                {"partialFingerprints", {{"primaryLocationLineHash", Fingerprint}}}};
    if (!F.Suppression.empty())
      Res["suppressions"] =
          json::array({{{"kind", "inSource"}, {"justification", F.Suppression}}});
    if (!F.BaselineState.empty())
      Res["baselineState"] = F.BaselineState;
    if (!F.Fixes.empty())
      Res["fixes"] = fixes(F);
    // VMB005's steps are the places that register the callback (not a path
    // through it): viewers list relatedLocations beside the result.
    if (F.RuleId == "VMB005" && !F.Steps.empty()) {
      json Related = json::array();
      unsigned Id = 0;
      for (const PathStep &S : F.Steps)
        Related.push_back({{"id", ++Id},
                           {"physicalLocation", physical(S.Where)},
                           {"message", {{"text", sentence(S.Message)}}}});
      Res["relatedLocations"] = Related;
    }
    if (!F.Steps.empty()) {
      json Steps = json::array();
      for (const PathStep &S : F.Steps)
        Steps.push_back({{"location", {{"physicalLocation", physical(S.Where)},
                                       {"message", {{"text", sentence(S.Message)}}}}},
                         {"nestingLevel", S.Depth}});
      Steps.push_back({{"location", {{"physicalLocation", physical(F.Where)},
                                     {"message", {{"text", sentence(F.Message)}}}}},
                       {"nestingLevel", 0}});
      Res["codeFlows"] = json::array({{{"threadFlows", json::array({{{"locations", Steps}}})}}});
    }
    return Res;
  }

  json fixes(const Finding &F) const {
    json Out = json::array();
    for (const FixIt &Fix : F.Fixes) {
      std::map<std::string, json> ByFile;
      for (const TextEdit &E : Fix.Edits) {
        json Deleted = {{"startLine", E.Where.Line}, {"startColumn", E.Where.Column},
                        {"endLine", E.Where.EndLine}, {"endColumn", E.Where.EndColumn}};
        json Replacement = {{"deletedRegion", Deleted},
                            {"insertedContent", {{"text", E.Replacement}}}};
        json &Change = ByFile[E.File];
        if (Change.is_null()) {
          json Artifact = physical(SourceSpan{E.File, 0, 0, 0, 0})["artifactLocation"];
          Change = {{"artifactLocation", Artifact}, {"replacements", json::array()}};
        }
        Change["replacements"].push_back(Replacement);
      }
      json Changes = json::array();
      for (auto &[File, Change] : ByFile)
        Changes.push_back(Change);
      Out.push_back({{"description", {{"text", sentence(Fix.Description)}}},
                     {"artifactChanges", Changes}});
    }
    return Out;
  }

  // TranslationUnit: the file whose analysis gave N; named as a second
  // location when N points into another file (an error in a header).
  json notification(const Notification &N, const std::string &TranslationUnit = "") const {
    const char *Level = N.Level == Notification::Severity::Error     ? "error"
                        : N.Level == Notification::Severity::Warning ? "warning"
                                                                     : "note";
    json J = {{"level", Level},
              {"message", {{"text", sentence(N.Message)}}},
              {"descriptor", {{"id", N.Id}}}};
    if (!N.Where.File.empty())
      J["locations"] = json::array({{{"physicalLocation", physical(N.Where)}}});
    if (!N.Where.File.empty() && !TranslationUnit.empty()) {
      SourceSpan Unit;
      Unit.File = TranslationUnit;
      json Where = physical(Unit);
      if (Where["artifactLocation"] != J["locations"][0]["physicalLocation"]["artifactLocation"])
        J["locations"].push_back(
            {{"physicalLocation", Where},
             {"message", {{"text", "The translation unit whose analysis this concerns."}}}});
    }
    return J;
  }

private:
  const RuleCatalog &Rules;
  const SarifOptions &Options;
};
} // namespace

json makeSarif(const SarifInput &In, const RuleCatalog &Rules, const SarifOptions &Options) {
  Builder B(Rules, Options);
  json RuleArray = json::array();
  for (const RuleInfo &R : Rules.rules())
    RuleArray.push_back(B.rule(R));

  json Results = json::array();
  json Notifications = json::array();
  bool Success = true;
  std::map<std::string, unsigned> Occurrences;
  for (const FileResult &F : *In.Files) {
    for (const Finding &Fd : F.Findings)
      if ((Fd.Suppression.empty() || Options.IncludeSuppressed) && Fd.BaselineState != "unchanged")
        Results.push_back(B.result(Fd, Occurrences));
    for (const Notification &N : F.Notifications)
      Notifications.push_back(B.notification(N, F.File));
    Success = Success && F.Complete;
  }
  if (In.RunNotifications)
    for (const Notification &N : *In.RunNotifications) {
      Notifications.push_back(B.notification(N));
      Success = Success && N.Level != Notification::Severity::Error;
    }

  std::string Root = Options.SourceRoot.empty() ? "" : canonicalPath(Options.SourceRoot);
  if (!Root.empty() && Root.back() != '/')
    Root += '/';
  json Description = {{"text", "The root of the analysed sources: the git work tree that "
                               "holds them, else the directory vmbcheck ran in."}};
  json Base = {{"description", Description}};
  if (!Root.empty())
    Base["uri"] = "file://" + percentEncode(Root);
  json Invocation = {{"executionSuccessful", Success}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = Notifications;
  json Run = {
      {"tool",
       {{"driver",
         {{"name", "vmbcheck"},
          {"semanticVersion", Options.ToolVersion},
          {"version", Options.ToolVersion},
          {"informationUri", Options.InformationUri},
          {"rules", RuleArray}}}}},
      {"originalUriBaseIds", {{"%SRCROOT%", Base}}},
      {"invocations", json::array({Invocation})},
      {"columnKind", "unicodeCodePoints"},
      // Line numbers are Clang's, which ends a line at CR LF, LF and also a
      // lone CR; SARIF's default omits the last.
      {"newlineSequences", json::array({"\r\n", "\n", "\r"})},
      {"results", Results}};
  if (Options.Provenance) {
    const GitProvenance &G = *Options.Provenance;
    json Details = {{"repositoryUri", G.RepositoryUri}};
    if (!G.RevisionId.empty())
      Details["revisionId"] = G.RevisionId;
    if (!G.Branch.empty())
      Details["branch"] = G.Branch;
    // The work tree's root is what %SRCROOT% stands for only when they are
    // the same directory.
    if (!Root.empty() && canonicalPath(G.WorkTree) + "/" == Root)
      Details["mappedTo"] = {{"uriBaseId", "%SRCROOT%"}};
    Run["versionControlProvenance"] = json::array({Details});
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", json::array({Run})}};
}

std::string serializeJson(const json &J) {
  return J.dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace) + "\n";
}

} // namespace vmbcheck
