#include "frontend/WindowsPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

#include <algorithm>

namespace vmbcheck {

static std::string forwardSlashes(llvm::StringRef S) {
  std::string R = S.str();
  std::replace(R.begin(), R.end(), '\\', '/');
  return R;
}

std::string PathMap::add(llvm::StringRef Spec) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Spec.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    auto [From, To] = Part.split('=');
    if (From.empty() || To.empty() || !Part.contains('='))
      return "--path-map expects <windows prefix>=<local prefix>, e.g. C:\\=/mnt/c/";
    Pairs.emplace_back(forwardSlashes(From), forwardSlashes(To));
  }
  // Longest prefix first: C:/src/drv=... wins over C:/=...
  std::stable_sort(Pairs.begin(), Pairs.end(),
                   [](const auto &A, const auto &B) { return A.first.size() > B.first.size(); });
  return "";
}

std::optional<std::string> PathMap::apply(llvm::StringRef Path) const {
  if (Pairs.empty())
    return std::nullopt;
  std::string P = forwardSlashes(Path);
  llvm::StringRef S(P);
  for (const auto &[From, To] : Pairs) {
    if (!S.starts_with_insensitive(From))
      continue;
    llvm::StringRef Rest = S.substr(From.size());
    // Whole components only: C:/src must not map C:/srcold.
    if (!From.ends_with("/") && !Rest.empty() && !Rest.starts_with("/"))
      continue;
    if (To.ends_with("/") && Rest.starts_with("/"))
      Rest = Rest.drop_front();
    else if (!To.ends_with("/") && !Rest.empty() && !Rest.starts_with("/"))
      return To + "/" + Rest.str();
    return To + Rest.str();
  }
  return std::nullopt;
}

bool isWindowsAbsolutePath(llvm::StringRef Path) {
  if (Path.size() >= 3 && llvm::isAlpha(Path[0]) && Path[1] == ':' &&
      (Path[2] == '\\' || Path[2] == '/'))
    return true;
  return Path.starts_with("\\\\");
}

bool isClStyleCommand(const std::vector<std::string> &Args) {
  if (Args.empty())
    return false;
  // The program may be a Windows path (C:\...\cl.exe): its last component.
  llvm::StringRef Prog = Args[0];
  Prog = Prog.substr(Prog.find_last_of("\\/") == llvm::StringRef::npos ? 0
                                                                      : Prog.find_last_of("\\/") + 1);
  Prog.consume_back_insensitive(".exe");
  if (Prog.equals_insensitive("cl") || Prog.equals_insensitive("clang-cl"))
    return true;
  return llvm::any_of(Args, [](const std::string &A) { return A == "--driver-mode=cl"; });
}

// Options whose joined value is a path, in both driver syntaxes.
static const char *const PathOptions[] = {
    "/external:I", "-external:I", "/winsysroot", "-winsysroot", "-ivfsoverlay", "-idirafter",
    "-iquote", "-isystem", "-isysroot", "--sysroot=", "-include", "-imacros", "/imsvc", "-imsvc",
    "/FI", "-FI", "/I", "-I", "@",
};

std::string mapArgument(const std::string &Arg, const PathMap &Map, bool Windows,
                        std::set<std::string> &Mapped) {
  auto MapPath = [&](llvm::StringRef P) -> std::optional<std::string> {
    if (auto M = Map.apply(P)) {
      Mapped.insert(*M);
      return M;
    }
    if (Windows && (isWindowsAbsolutePath(P) || P.contains('\\')))
      return forwardSlashes(P);
    return std::nullopt;
  };
  llvm::StringRef A(Arg);
  // A path on its own (an input, or the value of a separate /I or -include).
  if (!A.starts_with("-")) {
    if (auto M = Map.apply(A)) {
      Mapped.insert(*M);
      return *M;
    }
    if (Windows && !A.starts_with("/") && (isWindowsAbsolutePath(A) || A.contains('\\')))
      return forwardSlashes(A);
  }
  for (const char *Opt : PathOptions)
    if (A.starts_with(Opt) && A.size() > strlen(Opt))
      if (auto M = MapPath(A.substr(strlen(Opt))))
        return Opt + *M;
  return Arg;
}

static bool isWindowsEntry(llvm::StringRef Directory, llvm::StringRef File, bool Cl) {
  return Cl || isWindowsAbsolutePath(Directory) || isWindowsAbsolutePath(File);
}

std::optional<std::string> rewriteWindowsDatabase(llvm::StringRef Json, const PathMap &Map,
                                                  std::set<std::string> &Mapped,
                                                  std::vector<std::string> &Warnings) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Json);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError()); // clang's reader reports it
    return std::nullopt;
  }
  llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return std::nullopt;
  bool Changed = false, Unmapped = false;
  for (llvm::json::Value &V : *Entries) {
    llvm::json::Object *E = V.getAsObject();
    if (!E)
      continue;
    std::optional<llvm::StringRef> Dir = E->getString("directory"), File = E->getString("file");
    std::optional<llvm::StringRef> Command = E->getString("command");
    std::vector<std::string> Args;
    bool Cl = false;
    llvm::BumpPtrAllocator Alloc;
    llvm::StringSaver Saver(Alloc);
    if (const llvm::json::Array *A = E->getArray("arguments")) {
      for (const llvm::json::Value &T : *A)
        if (auto S = T.getAsString())
          Args.push_back(S->str());
      Cl = isClStyleCommand(Args);
    } else if (Command) {
      // cl.exe's command lines follow the Windows rules (a backslash is a
      // path separator); any other compiler's follow the shell's.
      llvm::SmallVector<const char *, 32> Argv;
      llvm::cl::TokenizeWindowsCommandLine(*Command, Saver, Argv);
      Args.assign(Argv.begin(), Argv.end());
      Cl = isClStyleCommand(Args);
      if (!Cl) {
        Argv.clear();
        llvm::cl::TokenizeGNUCommandLine(*Command, Saver, Argv);
        Args.assign(Argv.begin(), Argv.end());
      }
    } else {
      continue;
    }
    bool Windows = isWindowsEntry(Dir.value_or(""), File.value_or(""), Cl);
    if (!Windows && Map.empty())
      continue;
    std::set<std::string> Ignored;
    auto MapField = [&](const char *Key) {
      std::optional<llvm::StringRef> Value = E->getString(Key);
      if (!Value)
        return;
      std::string Mapped1 = mapArgument(Value->str(), Map, Windows, Ignored);
      if (isWindowsAbsolutePath(*Value) && !Map.apply(*Value))
        Unmapped = true;
      (*E)[Key] = Mapped1;
    };
    MapField("directory");
    MapField("file");
    std::vector<std::string> NewArgs;
    for (size_t I = 0; I < Args.size(); ++I)
      NewArgs.push_back(I == 0 ? Args[I] : mapArgument(Args[I], Map, Windows, Mapped));
    // C:\...\cl.exe names no program here; clang picks clang-cl's mode by
    // the program's name.
    if (Cl && !NewArgs.empty())
      NewArgs[0] = llvm::StringRef(NewArgs[0]).rsplit('\\').second.empty()
                       ? NewArgs[0]
                       : llvm::StringRef(NewArgs[0]).rsplit('\\').second.str();
    llvm::json::Array NewArray;
    for (const std::string &A : NewArgs)
      NewArray.push_back(A);
    E->erase("command");
    (*E)["arguments"] = std::move(NewArray);
    Changed = true;
  }
  if (Unmapped)
    Warnings.push_back("the compilation database names Windows paths (C:\\... or \\\\server) "
                       "that no --path-map maps; pass e.g. --path-map C:\\=/mnt/c/");
  if (!Changed)
    return std::nullopt;
  return llvm::formatv("{0}", llvm::json::Value(std::move(*Entries))).str();
}

} // namespace vmbcheck
