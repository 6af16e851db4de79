#include "frontend/GeneratedHeaders.h"
#include "frontend/MessageTextHeader.h"
#include "frontend/WmiMofHeader.h"
#include "report/InputFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <map>
#include <set>

namespace vmbcheck {

namespace {

// The files with one of Exts in Dir, by lower-case stem.
std::map<std::string, std::string> filesIn(llvm::StringRef Dir, std::initializer_list<llvm::StringRef> Exts) {
  std::map<std::string, std::string> Files;
  std::error_code EC;
  unsigned Seen = 0;
  for (llvm::sys::fs::directory_iterator I(Dir, EC), End; !EC && I != End && ++Seen < 5000;
       I.increment(EC)) {
    llvm::StringRef Ext = llvm::sys::path::extension(I->path());
    for (llvm::StringRef E : Exts)
      if (Ext.equals_insensitive(E))
        Files.try_emplace(llvm::sys::path::stem(I->path()).lower(), I->path());
  }
  return Files;
}

// A .mc or .mof file as UTF-8 (they are often UTF-16 with a byte-order
// mark), read with the input limits; nullopt when it cannot be read.
std::optional<std::string> readSourceText(const std::string &Path) {
  std::string Error;
  std::optional<std::string> Bytes = readInputFile(Path, "the generated header's source", Error);
  return Bytes ? decodeByteOrderMark(*Bytes) : std::nullopt;
}

} // namespace

std::optional<std::string> generatedHeaderSource(const std::string &Name, const std::string &IncluderDir) {
  llvm::StringRef File = llvm::sys::path::filename(Name);
  if (llvm::sys::path::extension(File).equals_insensitive(".tmh"))
    return std::string();
  if (!llvm::sys::path::extension(File).equals_insensitive(".h"))
    return std::nullopt;
  std::string Stem = llvm::sys::path::stem(File).lower();
  for (llvm::StringRef Dir : {llvm::StringRef(IncluderDir), llvm::sys::path::parent_path(IncluderDir)}) {
    if (Dir.empty())
      continue;
    std::map<std::string, std::string> Sources = filesIn(Dir, {".mc", ".mof", ".man"});
    if (auto It = Sources.find(Stem); It != Sources.end())
      return It->second;
    // wmimofck -h: the header of foo.mof is often named foomof.h.
    if (llvm::StringRef(Stem).ends_with("mof") && !Sources.empty()) {
      auto It = Sources.find(Stem.substr(0, Stem.size() - 3));
      return It != Sources.end() ? It->second : std::string();
    }
  }
  return std::nullopt;
}

void addWppFunctions(llvm::StringRef Text, std::set<std::string> &Functions) {
  if (!Text.contains("FUNC"))
    return;
  static const llvm::Regex Func("^[ \t]*//[ \t]*FUNC[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*[({]");
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::SmallVector<llvm::StringRef, 2> M;
    if (Line.contains("FUNC") && Func.match(Line, &M))
      Functions.insert(M[1].str());
  }
}

std::string generatedHeaderStandIn(const std::string &Name, const std::set<std::string> &Configured,
                                   const std::string &Source) {
  if (!llvm::sys::path::extension(Name).equals_insensitive(".tmh")) {
    llvm::StringRef Ext = llvm::sys::path::extension(Source);
    std::string From = " */\n";
    if (!Source.empty())
      From = " generated from " + llvm::sys::path::filename(Source).str() + " */\n";
    if (Ext.equals_insensitive(".mc"))
      if (auto Text = readSourceText(Source))
        return "/* vmbcheck --assume-generated-empty: the ids mc.exe would write" + From +
               messageTextHeader(*Text);
    if (Ext.equals_insensitive(".mof"))
      if (auto Text = readSourceText(Source))
        return "/* vmbcheck --assume-generated-empty: the declarations wmimofck would write" + From +
               wmiMofHeader(*Text);
    return "/* vmbcheck --assume-generated-empty: empty stand-in */\n";
  }
  std::set<std::string> Functions = {"DoTraceMessage", "WPP_INIT_TRACING", "WPP_CLEANUP",
                                     "WPP_RECORDER_CONFIGURE_PARAMS"};
  Functions.insert(Configured.begin(), Configured.end());
  std::string Text = "/* vmbcheck --assume-generated-empty: stand-in for a WPP trace header that "
                     "is not generated yet; trace calls do nothing */\n";
  for (const std::string &F : Functions)
    Text += "#ifndef " + F + "\n#define " + F + "(...) ((void)0)\n#endif\n";
  // WPP's control block, which WppRecorder.h's macros pass on
  // (WppRecorderConfigure(...) is imp_WppRecorderConfigure(WPP_CB, ...)).
  Text += "#ifndef WPP_CB\n#define WPP_CB ((void *)0)\n#endif\n";
  return Text;
}

} // namespace vmbcheck
