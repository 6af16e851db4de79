#include "frontend/MsBuildProject.h"

#include "frontend/GeneratedHeaders.h"
#include "report/InputFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace vmbcheck {
namespace {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

// Imports nest this deep at most (the WDK's own chain is about 10 deep; a
// project's .props rarely more than 3), and one project reads at most this
// many files: a repository cannot make the evaluation run without end.
constexpr unsigned MaxImportDepth = 16;
constexpr unsigned MaxFilesPerProject = 256;
// A property may refer to itself ("<A>$(A)$(A)</A>" repeated doubles it each
// time): values are cut at this size, and one project's warnings at this
// count.
constexpr size_t MaxValueBytes = 1 << 20;
constexpr size_t MaxWarningsPerProject = 100;

std::string lower(llvm::StringRef S) { return S.lower(); }

// The name without directory and extension of a path written either way
// ("\\$(IntDir)\\busenum.bmf" -> "busenum").
std::string stemOf(std::string Path) {
  std::replace(Path.begin(), Path.end(), '\\', '/');
  return path::stem(llvm::StringRef(Path).trim()).str();
}

// A path as written in a project (backslashes, quotes, relative to Base),
// as this machine spells it. Windows resolves names case-insensitively, so
// a component that does not exist as written is looked up ignoring case.
std::string resolvePath(llvm::StringRef Base, llvm::StringRef Written) {
  std::string P = Written.trim().trim('"').str();
  std::replace(P.begin(), P.end(), '\\', '/');
  if (P.empty())
    return "";
  llvm::SmallString<256> Abs;
  if (path::is_absolute(P) || (P.size() > 1 && P[1] == ':'))
    Abs = P; // a drive-letter path cannot be resolved here; kept as written
  else {
    Abs = Base;
    path::append(Abs, P);
  }
  path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (Abs.size() > 1 && Abs.back() == '/')
    Abs.pop_back();
  if (fs::exists(Abs) || !path::is_absolute(Abs))
    return Abs.str().str();
  std::string Cur = "/";
  for (auto It = path::begin(Abs, path::Style::posix), E = path::end(Abs); It != E; ++It) {
    if (*It == "/")
      continue;
    llvm::SmallString<256> Next(Cur);
    path::append(Next, *It);
    if (!fs::exists(Next)) {
      std::error_code EC;
      bool Found = false;
      for (fs::directory_iterator D(Cur, EC), DE; !EC && D != DE; D.increment(EC))
        if (path::filename(D->path()).equals_insensitive(*It)) {
          Next = D->path();
          Found = true;
          break;
        }
      if (!Found)
        return Abs.str().str();
    }
    Cur = Next.str().str();
  }
  return Cur;
}

std::string dirWithSlash(llvm::StringRef Dir) {
  return Dir.ends_with("/") ? Dir.str() : Dir.str() + "/";
}

// "10.0.22621.0" < "10.0.26100.0", "1.9" < "1.33".
bool versionLess(llvm::StringRef A, llvm::StringRef B) {
  llvm::SmallVector<llvm::StringRef, 4> PA, PB;
  A.split(PA, '.');
  B.split(PB, '.');
  for (size_t I = 0; I < std::min(PA.size(), PB.size()); ++I) {
    unsigned X = 0, Y = 0;
    bool BadX = PA[I].getAsInteger(10, X), BadY = PB[I].getAsInteger(10, Y);
    if (BadX || BadY) {
      if (PA[I] != PB[I])
        return PA[I] < PB[I];
    } else if (X != Y)
      return X < Y;
  }
  return PA.size() < PB.size();
}

// The subdirectories of Dir whose names look like versions, newest last.
std::vector<std::string> versionDirs(const std::string &Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (fs::directory_iterator D(Dir, EC), DE; !EC && D != DE; D.increment(EC)) {
    llvm::StringRef Name = path::filename(D->path());
    if (!Name.empty() && llvm::isDigit(Name.front()) && fs::is_directory(D->path()))
      Out.push_back(Name.str());
  }
  std::sort(Out.begin(), Out.end(), [](const std::string &A, const std::string &B) {
    return versionLess(A, B);
  });
  return Out;
}

// Where the WDK's headers are under what --wdk names.
struct WdkLayout {
  std::string Include;          // holds km/, shared/ (and um/, ucrt/)
  std::vector<std::string> Wdf; // candidates holding kmdf/ and umdf/
  std::string NtddiDefault;     // newest NTDDI_WIN10_* the headers know
};

std::optional<WdkLayout> locateWdk(const std::string &Root, std::string &Error) {
  WdkLayout L;
  std::string R = resolvePath(".", Root);
  llvm::SmallString<256> Abs(R);
  fs::make_absolute(Abs);
  R = Abs.str().str();
  auto Has = [](const std::string &Dir, const char *Sub) {
    return fs::is_directory(resolvePath(Dir, Sub));
  };
  if (Has(R, "km")) {
    L.Include = R;
  } else if (Has(R, "wdk/km")) { // a header tree laid out as wdk/ and wdf/
    L.Include = resolvePath(R, "wdk");
  } else {
    std::string Inc = resolvePath(R, "Include");
    for (const std::string &V : versionDirs(Inc))
      if (Has(Inc + "/" + V, "km"))
        L.Include = Inc + "/" + V; // the newest wins
  }
  if (L.Include.empty()) {
    Error = Root + ": --wdk names no WDK: no km include directory in it, in wdk/ or in "
                   "Include/<version>/";
    return std::nullopt;
  }
  for (const char *Rel : {"wdf", "../wdf", "Include/wdf"})
    for (const std::string &Base : {L.Include, R}) {
      std::string W = resolvePath(Base, Rel);
      if (fs::is_directory(W) && !llvm::is_contained(L.Wdf, W))
        L.Wdf.push_back(W);
    }
  // sdkddkver.h names the Windows 10 releases this header set knows; a
  // newer NTDDI_VERSION than it knows would select declarations it lacks.
  std::string Error2;
  if (auto Text = readInputFile(resolvePath(L.Include, "shared/sdkddkver.h"), "sdkddkver.h", Error2)) {
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    llvm::StringRef(*Text).split(Lines, '\n');
    unsigned Best = 0;
    for (llvm::StringRef Line : Lines) {
      Line = Line.trim();
      if (!Line.consume_front("#define"))
        continue;
      auto [Name, Rest] = Line.trim().split(' ');
      llvm::StringRef Value = Rest.trim().split(' ').first.split('\t').first;
      unsigned V = 0;
      if (Name.starts_with("NTDDI_WIN10") && !Value.getAsInteger(0, V) && V > Best &&
          (V >> 16) == 0x0A00)
        Best = V;
    }
    if (Best)
    {
      char Buf[16];
      snprintf(Buf, sizeof Buf, "0x%08X", Best);
      L.NtddiDefault = Buf;
    }
  }
  return L;
}

// One parsed file, kept alive while its elements are used.
struct LoadedFile {
  std::string Path, Dir;
  std::string Text;
  pugi::xml_document Doc;
  unsigned lineOf(const pugi::xml_node &N) const {
    ptrdiff_t Off = N.offset_debug();
    if (Off < 0 || size_t(Off) > Text.size())
      return 0;
    return 1 + unsigned(std::count(Text.begin(), Text.begin() + Off, '\n'));
  }
};

struct Located {
  pugi::xml_node Node;
  const LoadedFile *File;
};

// Reads and parses one MSBuild file; "" or the one-line reason it cannot be.
std::string parseFile(LoadedFile &F) {
  std::string Error;
  auto Bytes = readInputFile(F.Path, "the MSBuild project", Error);
  if (!Bytes)
    return Error;
  F.Text = std::move(*Bytes);
  pugi::xml_parse_result R = F.Doc.load_buffer(F.Text.data(), F.Text.size(),
                                               pugi::parse_default, pugi::encoding_auto);
  if (!R) {
    unsigned Line = 1 + unsigned(std::count(F.Text.begin(),
                                            F.Text.begin() + std::min<size_t>(R.offset, F.Text.size()),
                                            '\n'));
    return F.Path + ":" + std::to_string(Line) + ": not a well-formed MSBuild project: " +
           R.description();
  }
  if (!llvm::StringRef(F.Doc.document_element().name()).equals_insensitive("Project"))
    return F.Path + ": not an MSBuild project (the root element is not <Project>)";
  return "";
}

class ProjectEvaluator {
public:
  ProjectEvaluator(std::string ProjectPath, const MsBuildOptions &Options,
                   const std::optional<WdkLayout> &Wdk, std::string SolutionDir,
                   MsBuildCommands &Out)
      : ProjectPath(std::move(ProjectPath)), Options(Options), Wdk(Wdk), Out(Out) {
    ProjectDir = path::parent_path(this->ProjectPath).str();
    set("Configuration", Options.Configuration);
    set("Platform", Options.Platform);
    set("ProjectDir", dirWithSlash(ProjectDir));
    set("MSBuildProjectDirectory", ProjectDir);
    set("MSBuildProjectFullPath", this->ProjectPath);
    set("MSBuildProjectFile", path::filename(this->ProjectPath).str());
    set("MSBuildProjectName", path::stem(this->ProjectPath).str());
    set("ProjectName", path::stem(this->ProjectPath).str());
    set("TargetName", path::stem(this->ProjectPath).str());
    set("SolutionDir", dirWithSlash(SolutionDir.empty() ? ProjectDir : SolutionDir));
    set("IntDir", Options.Platform + "/" + Options.Configuration + "/");
    set("OutDir", Options.Platform + "/" + Options.Configuration + "/");
    // The target-version constants of the WDK's props (conditions compare
    // $(_NT_TARGET_VERSION) with them); the toolset's default target is
    // Windows 10.
    for (auto [Name, Value] : {std::pair{"_NT_TARGET_VERSION_WIN7", "0x0601"},
                               {"_NT_TARGET_VERSION_WIN8", "0x0602"},
                               {"_NT_TARGET_VERSION_WINBLUE", "0x0603"},
                               {"_NT_TARGET_VERSION_WIN10", "0xA000"},
                               {"_NT_TARGET_VERSION", "0xA000"}})
      set(Name, Value);
    // What the WDK's props define for the projects to use.
    if (Wdk) {
      std::string Km = dirWithSlash(resolvePath(Wdk->Include, "km"));
      set("DDK_INC_PATH", Km);
      set("IFSKIT_INC_PATH", Km);
      set("CRT_INC_PATH", dirWithSlash(resolvePath(Wdk->Include, "km/crt")));
      set("KIT_SHARED_INC_PATH", dirWithSlash(resolvePath(Wdk->Include, "shared")));
      set("SDK_INC_PATH", dirWithSlash(resolvePath(Wdk->Include, "um")));
      set("WDK_UM_INC_PATH", dirWithSlash(resolvePath(Wdk->Include, "um")));
      set("SPB_INC_PATH", dirWithSlash(resolvePath(Wdk->Include, "km/spb")));
      if (!Wdk->Wdf.empty()) {
        set("KMDF_INC_PATH", dirWithSlash(Wdk->Wdf.front() + "/kmdf"));
        set("UMDF_INC_PATH", dirWithSlash(Wdk->Wdf.front() + "/umdf"));
      }
    }
    Globals = {"configuration", "platform"};
  }

  // False with Error when the project itself cannot be read.
  bool evaluate(std::string &Error);
  void makeCommands();
  bool kernelMode() const {
    return llvm::StringRef(get("PlatformToolset")).starts_with_insensitive("WindowsKernelModeDriver");
  }

private:
  void addProjectWppFunctions(const std::string &File, const std::string &TraceFunctions,
                              const std::string &AdditionalOptions, const std::string &ScanFile);

  struct Item {
    std::string Identity;
    std::map<std::string, std::string> Meta; // lower-case names
  };

  std::string ProjectPath, ProjectDir;
  const MsBuildOptions &Options;
  const std::optional<WdkLayout> &Wdk;
  MsBuildCommands &Out;
  std::map<std::string, std::string> Props; // lower-case names
  std::set<std::string> Globals;
  std::list<LoadedFile> Files;
  std::vector<std::string> Stack;   // files being evaluated (cycle check)
  std::set<std::string> Imported;   // every file evaluated (MSBuild imports each once)
  std::vector<Located> DefinitionGroups, ItemGroups;
  std::map<std::string, std::string> ClDefaults;
  std::vector<Item> Items;
  std::map<std::string, std::set<std::string>> ScanFileFunctions; // WPP -scan: files read
  std::map<std::string, std::string> MofSources;                    // MofComp items by stem
  std::vector<std::pair<std::string, std::string>> MofHeaders;      // wmimofck header, .bmf stem
  bool DirectoryBuildPropsDone = false;
  unsigned ChooseDepth = 0;
  const LoadedFile *Current = nullptr;
  std::set<std::string> Said;

  void set(llvm::StringRef Name, std::string Value) { Props[lower(Name)] = std::move(Value); }
  std::string get(llvm::StringRef Name) const {
    auto It = Props.find(lower(Name));
    return It == Props.end() ? "" : It->second;
  }

  void warn(const LoadedFile *F, const pugi::xml_node &N, const std::string &What) {
    if (Said.size() >= MaxWarningsPerProject) {
      if (Said.size() == MaxWarningsPerProject && Said.insert("").second)
        Out.Warnings.push_back({ProjectPath, 0, "more than " + std::to_string(MaxWarningsPerProject) +
                                                    " warnings about this project; the rest are not shown"});
      return;
    }
    MsBuildWarning W{F ? F->Path : ProjectPath, F && N ? F->lineOf(N) : 0, What};
    if (Said.insert(W.File + ":" + std::to_string(W.Line) + ": " + What).second)
      Out.Warnings.push_back(W);
  }

  std::string expand(llvm::StringRef S, const LoadedFile *F, const pugi::xml_node &N);
  std::string expandMetadata(llvm::StringRef S, const std::map<std::string, std::string> &Meta,
                             const LoadedFile *F, const pugi::xml_node &N);
  bool condition(const pugi::xml_node &N, const LoadedFile *F,
                 const std::map<std::string, std::string> *Meta = nullptr);
  bool evaluateFile(const std::string &Path, const LoadedFile *From, const pugi::xml_node &At,
                    std::string *Error);
  void evaluateChildren(const pugi::xml_node &Parent, const LoadedFile &F);
  void importProject(const pugi::xml_node &Import, const LoadedFile &F);
  void importDirectoryBuildProps();
  void readDefinitions();
  void readItems();
  bool expandWildcard(const std::string &Pattern, std::vector<std::string> &Out);
  void applyMetadata(const pugi::xml_node &Element, std::map<std::string, std::string> &Meta,
                     const LoadedFile *F);
  friend class ConditionParser;
};

// MSBuild conditions: 'a' == 'b', !=, <, >, <=, >=, and, or, !, (...),
// Exists('path'), HasTrailingSlash('x'), true/false. Comparison ignores case.
class ConditionParser {
public:
  ConditionParser(llvm::StringRef Text, std::function<std::string(llvm::StringRef)> Expand,
                  std::string Dir)
      : Text(Text), Expand(std::move(Expand)), Dir(std::move(Dir)) {}

  // nullopt when the condition is not understood.
  std::optional<bool> parse() {
    std::optional<bool> V = orExpr();
    skipSpace();
    if (!V || Pos != Text.size())
      return std::nullopt;
    return V;
  }

private:
  llvm::StringRef Text;
  size_t Pos = 0;
  std::function<std::string(llvm::StringRef)> Expand;
  std::string Dir;

  void skipSpace() {
    while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
      ++Pos;
  }
  bool keyword(llvm::StringRef K) {
    skipSpace();
    if (Text.substr(Pos).starts_with_insensitive(K) &&
        (Pos + K.size() == Text.size() || !llvm::isAlnum(Text[Pos + K.size()]))) {
      Pos += K.size();
      return true;
    }
    return false;
  }
  bool punct(llvm::StringRef P) {
    skipSpace();
    if (Text.substr(Pos).starts_with(P)) {
      Pos += P.size();
      return true;
    }
    return false;
  }
  // Parentheses and '!' recurse: a condition of a million '(' from the
  // repository must not exhaust the stack.
  unsigned Depth = 0;
  static constexpr unsigned MaxDepth = 64;

  std::optional<bool> orExpr() {
    if (++Depth > MaxDepth)
      return std::nullopt;
    struct Leave {
      unsigned &D;
      ~Leave() { --D; }
    } L{Depth};
    std::optional<bool> V = andExpr();
    while (V && keyword("or")) {
      std::optional<bool> R = andExpr();
      if (!R)
        return std::nullopt;
      V = *V || *R;
    }
    return V;
  }
  std::optional<bool> andExpr() {
    std::optional<bool> V = unary();
    while (V && keyword("and")) {
      std::optional<bool> R = unary();
      if (!R)
        return std::nullopt;
      V = *V && *R;
    }
    return V;
  }
  std::optional<bool> unary() {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == '!' && !Text.substr(Pos).starts_with("!=")) {
      ++Pos;
      if (++Depth > MaxDepth)
        return std::nullopt;
      std::optional<bool> V = unary();
      --Depth;
      return V ? std::optional<bool>(!*V) : std::nullopt;
    }
    return primary();
  }
  // A quoted string, $(...) or bare word, expanded.
  std::optional<std::string> operand() {
    skipSpace();
    if (Pos >= Text.size())
      return std::nullopt;
    if (Text[Pos] == '\'') {
      size_t End = Text.find('\'', Pos + 1);
      if (End == llvm::StringRef::npos)
        return std::nullopt;
      std::string V = Expand(Text.slice(Pos + 1, End));
      Pos = End + 1;
      return V;
    }
    size_t Start = Pos;
    if (Text.substr(Pos).starts_with("$(")) {
      int Depth = 0;
      for (; Pos < Text.size(); ++Pos) {
        Depth += Text[Pos] == '(' ? 1 : Text[Pos] == ')' ? -1 : 0;
        if (Depth == 0 && Text[Pos] == ')') {
          ++Pos;
          break;
        }
      }
      return Expand(Text.slice(Start, Pos));
    }
    while (Pos < Text.size() && (llvm::isAlnum(Text[Pos]) || Text[Pos] == '.' || Text[Pos] == '_' ||
                                 Text[Pos] == '-'))
      ++Pos;
    if (Pos == Start)
      return std::nullopt;
    return Text.slice(Start, Pos).str();
  }
  static std::optional<double> number(llvm::StringRef S) {
    S = S.trim();
    unsigned long long U;
    if (!S.getAsInteger(0, U))
      return double(U);
    double D;
    if (!S.getAsDouble(D))
      return D;
    return std::nullopt;
  }
  std::optional<bool> primary() {
    skipSpace();
    if (punct("(")) {
      std::optional<bool> V = orExpr();
      if (!V || !punct(")"))
        return std::nullopt;
      return V;
    }
    for (llvm::StringRef Fn : {"Exists", "HasTrailingSlash"}) {
      size_t Save = Pos;
      if (keyword(Fn) && punct("(")) {
        std::optional<std::string> Arg = operand();
        if (!Arg || !punct(")"))
          return std::nullopt;
        if (Fn == "HasTrailingSlash")
          return !Arg->empty() && (Arg->back() == '\\' || Arg->back() == '/');
        // A stat, nothing read: Exists() only steers which imports apply.
        std::string P = llvm::StringRef(*Arg).trim().str();
        return !P.empty() && fs::exists(resolvePath(Dir, P));
      }
      Pos = Save;
    }
    std::optional<std::string> L = operand();
    if (!L)
      return std::nullopt;
    skipSpace();
    for (llvm::StringRef Op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (!punct(Op))
        continue;
      std::optional<std::string> R = operand();
      if (!R)
        return std::nullopt;
      if (Op == "==")
        return llvm::StringRef(*L).equals_insensitive(*R);
      if (Op == "!=")
        return !llvm::StringRef(*L).equals_insensitive(*R);
      auto A = number(*L), B = number(*R);
      if (!A || !B)
        return std::nullopt;
      return Op == "<" ? *A < *B : Op == ">" ? *A > *B : Op == "<=" ? *A <= *B : *A >= *B;
    }
    if (llvm::StringRef(*L).equals_insensitive("true"))
      return true;
    if (llvm::StringRef(*L).equals_insensitive("false"))
      return false;
    return std::nullopt;
  }
};

std::string ProjectEvaluator::expand(llvm::StringRef S, const LoadedFile *F,
                                     const pugi::xml_node &N) {
  std::string R;
  for (size_t I = 0; I < S.size();) {
    if (S[I] == '$' && I + 1 < S.size() && S[I + 1] == '(') {
      int Depth = 0;
      size_t J = I + 1;
      for (; J < S.size(); ++J) {
        Depth += S[J] == '(' ? 1 : S[J] == ')' ? -1 : 0;
        if (Depth == 0)
          break;
      }
      if (J >= S.size()) {
        R += S.substr(I);
        break;
      }
      llvm::StringRef Name = S.slice(I + 2, J).trim();
      bool Plain = !Name.empty() && llvm::all_of(Name, [](char C) {
        return llvm::isAlnum(C) || C == '_' || C == '-';
      });
      if (Plain) {
        if (Name.equals_insensitive("MSBuildThisFileDirectory"))
          R += dirWithSlash(F ? F->Dir : ProjectDir);
        else if (Name.equals_insensitive("MSBuildThisFileFullPath"))
          R += F ? F->Path : ProjectPath;
        else if (Name.equals_insensitive("MSBuildThisFile"))
          R += path::filename(F ? F->Path : ProjectPath).str();
        else
          R += get(Name);
      } else {
        // Property functions ($([System.IO.Path]::...), $(X.Replace(...)))
        // and registry lookups run .NET code: never evaluated.
        warn(F, N, "a property function or registry lookup is not evaluated (taken as empty)");
      }
      I = J + 1;
      if (R.size() > MaxValueBytes)
        break;
      continue;
    }
    if (S[I] == '@' && I + 1 < S.size() && S[I + 1] == '(') {
      size_t J = S.find(')', I);
      warn(F, N, "an item list reference @(...) is not evaluated (taken as empty)");
      I = J == llvm::StringRef::npos ? S.size() : J + 1;
      continue;
    }
    R += S[I++];
  }
  if (R.size() > MaxValueBytes) {
    warn(F, N, "a value grows past 1 MiB (a property that refers to itself?); cut");
    R.resize(MaxValueBytes);
  }
  // MSBuild's escapes for characters that are syntax: %3B is ';', %24 '$'.
  for (auto [Esc, C] : {std::pair{"%24", "$"}, {"%40", "@"}, {"%25", "%"}, {"%27", "'"}}) {
    size_t P;
    while ((P = R.find(Esc)) != std::string::npos)
      R.replace(P, 3, C);
  }
  return R;
}

std::string ProjectEvaluator::expandMetadata(llvm::StringRef S,
                                             const std::map<std::string, std::string> &Meta,
                                             const LoadedFile *F, const pugi::xml_node &N) {
  std::string R;
  for (size_t I = 0; I < S.size();) {
    if (S[I] == '%' && I + 1 < S.size() && S[I + 1] == '(') {
      size_t J = S.find(')', I);
      if (J == llvm::StringRef::npos) {
        R += S.substr(I);
        break;
      }
      llvm::StringRef Name = S.slice(I + 2, J).trim();
      if (Name.contains('.')) // %(ItemType.Name): another item type's metadata
        Name = Name.split('.').second;
      auto It = Meta.find(lower(Name));
      if (It != Meta.end())
        R += It->second;
      if (R.size() > MaxValueBytes)
        break; // expand() below cuts it and says so
      I = J + 1;
      continue;
    }
    R += S[I++];
  }
  return expand(R, F, N);
}

bool ProjectEvaluator::condition(const pugi::xml_node &N, const LoadedFile *F,
                                 const std::map<std::string, std::string> *Meta) {
  pugi::xml_attribute C = N.attribute("Condition");
  if (!C)
    return true;
  llvm::StringRef Text = C.value();
  if (Text.trim().empty())
    return true;
  auto Expand = [&](llvm::StringRef S) {
    return Meta ? expandMetadata(S, *Meta, F, N) : expand(S, F, N);
  };
  std::optional<bool> V = ConditionParser(Text, Expand, F ? F->Dir : ProjectDir).parse();
  if (!V) {
    warn(F, N, "a Condition that is not understood was taken as false");
    return false;
  }
  return *V;
}

bool ProjectEvaluator::evaluateFile(const std::string &Path, const LoadedFile *From,
                                    const pugi::xml_node &At, std::string *Error) {
  llvm::SmallString<256> Real(Path);
  if (fs::real_path(Path, Real))
    Real = Path;
  std::string Key = Real.str().str();
  if (llvm::is_contained(Stack, Key)) {
    warn(From, At, "import cycle: the imported file is already being imported; skipped");
    return true;
  }
  if (Imported.count(Key)) // MSBuild imports a file once (warning MSB4011)
    return true;
  if (Stack.size() >= MaxImportDepth || Imported.size() >= MaxFilesPerProject) {
    warn(From, At, "imports nest too deep or are too many (more than " +
                       std::to_string(MaxImportDepth) + " levels or " +
                       std::to_string(MaxFilesPerProject) + " files); skipped");
    return true;
  }
  Imported.insert(Key);
  LoadedFile &F = Files.emplace_back();
  F.Path = Path;
  F.Dir = path::parent_path(Path).str();
  if (std::string Problem = parseFile(F); !Problem.empty()) {
    if (Error) {
      *Error = Problem;
      return false;
    }
    Out.Warnings.push_back({F.Path, 0, Problem + "; the import was skipped"});
    return true;
  }
  Out.ProjectFiles.push_back(Path);
  pugi::xml_node Root = F.Doc.document_element();
  if (Root.attribute("Sdk"))
    warn(&F, Root, "SDK-style projects are not evaluated: the SDK's props are not imported");
  Stack.push_back(Key);
  const LoadedFile *Saved = Current;
  Current = &F;
  if (!From)
    // A project with no Microsoft.Cpp.Default.props import gets
    // Directory.Build.props first; else it comes at that import.
    if (llvm::none_of(Root.children(), [](const pugi::xml_node &N) {
          return llvm::StringRef(N.name()) == "Import" &&
                 llvm::StringRef(N.attribute("Project").value())
                     .ends_with_insensitive("Microsoft.Cpp.Default.props");
        }))
      importDirectoryBuildProps();
  evaluateChildren(Root, F);
  Current = Saved;
  Stack.pop_back();
  return true;
}

void ProjectEvaluator::importDirectoryBuildProps() {
  if (DirectoryBuildPropsDone)
    return;
  DirectoryBuildPropsDone = true;
  if (llvm::StringRef(get("ImportDirectoryBuildProps")).equals_insensitive("false"))
    return;
  // MSBuild takes the first Directory.Build.props from the project's
  // directory up; the file may import the next one up itself.
  for (llvm::StringRef Dir = ProjectDir; !Dir.empty(); Dir = path::parent_path(Dir)) {
    llvm::SmallString<256> P(Dir);
    path::append(P, "Directory.Build.props");
    if (fs::exists(P)) {
      evaluateFile(P.str().str(), Current, pugi::xml_node(), nullptr);
      return;
    }
    if (Dir == path::parent_path(Dir))
      break;
  }
}

void ProjectEvaluator::importProject(const pugi::xml_node &Import, const LoadedFile &F) {
  llvm::StringRef Raw = Import.attribute("Project").value();
  if (Raw.ends_with_insensitive("Microsoft.Cpp.Default.props"))
    importDirectoryBuildProps();
  if (!condition(Import, &F))
    return;
  std::string Expanded = llvm::StringRef(expand(Raw, &F, Import)).trim().str();
  // The Visual C++ and WDK toolset files ($(VCTargetsPath)\..., the user's
  // $(UserRootDir)): their effect is what the toolset model adds.
  if (Raw.trim().starts_with("$(")) {
    llvm::StringRef Prop = Raw.trim().drop_front(2).split(')').first;
    if (expand(("$(" + Prop + ")").str(), &F, Import).empty() ||
        Prop.equals_insensitive("VCTargetsPath") ||
        Prop.equals_insensitive("UserRootDir") || Prop.starts_with_insensitive("MSBuildExtensionsPath") ||
        Prop.starts_with_insensitive("MSBuildToolsPath") || Prop.starts_with_insensitive("WindowsSdkDir"))
      return;
  }
  if (Expanded.empty())
    return;
  if (Expanded.find_first_of("*?") != std::string::npos) {
    warn(&F, Import, "an Import with a wildcard is not followed");
    return;
  }
  std::string Target = resolvePath(F.Dir, Expanded);
  if (!fs::exists(Target)) {
    warn(&F, Import, "the imported file does not exist; skipped");
    return;
  }
  evaluateFile(Target, &F, Import, nullptr);
}

void ProjectEvaluator::evaluateChildren(const pugi::xml_node &Parent, const LoadedFile &F) {
  for (pugi::xml_node N : Parent.children()) {
    if (N.type() != pugi::node_element)
      continue;
    llvm::StringRef Name = N.name();
    if (Name == "PropertyGroup") {
      if (!condition(N, &F))
        continue;
      for (pugi::xml_node P : N.children()) {
        if (P.type() != pugi::node_element || !condition(P, &F))
          continue;
        if (Globals.count(lower(P.name()))) // given on the command line: /p: wins
          continue;
        set(P.name(), llvm::StringRef(expand(P.text().get(), &F, P)).trim().str());
      }
    } else if (Name == "Import") {
      importProject(N, F);
    } else if (Name == "ImportGroup") {
      if (!condition(N, &F))
        continue;
      for (pugi::xml_node I : N.children("Import"))
        importProject(I, F);
    } else if (Name == "ItemDefinitionGroup") {
      DefinitionGroups.push_back({N, &F});
    } else if (Name == "ItemGroup") {
      ItemGroups.push_back({N, &F});
    } else if (Name == "Choose") {
      if (ChooseDepth >= MaxImportDepth) {
        warn(&F, N, "Choose elements nest too deep; skipped");
        continue;
      }
      ++ChooseDepth;
      bool Taken = false;
      for (pugi::xml_node W : N.children()) {
        llvm::StringRef WName = W.name();
        if (WName == "When" && !Taken && condition(W, &F)) {
          Taken = true;
          evaluateChildren(W, F);
        } else if (WName == "Otherwise" && !Taken) {
          Taken = true;
          evaluateChildren(W, F);
        }
      }
      --ChooseDepth;
    } else if (Name == "Target" || Name == "UsingTask" || Name == "ProjectExtensions" ||
               Name == "Sdk" || Name == "PropertyGroupDefinition") {
      // Build steps and IDE data: nothing a compile command depends on.
    } else {
      warn(&F, N, "an MSBuild element that is not evaluated was skipped");
    }
  }
}

void ProjectEvaluator::applyMetadata(const pugi::xml_node &Element,
                                     std::map<std::string, std::string> &Meta,
                                     const LoadedFile *F) {
  static const std::set<std::string> NotMetadata = {"include", "exclude", "remove", "update",
                                                    "condition", "label", "keepmetadata",
                                                    "removemetadata", "keepduplicates"};
  // Metadata as attributes (MSBuild 15), then as child elements.
  for (pugi::xml_attribute A : Element.attributes())
    if (!NotMetadata.count(lower(A.name())))
      Meta[lower(A.name())] = expandMetadata(A.value(), Meta, F, Element);
  for (pugi::xml_node M : Element.children()) {
    if (M.type() != pugi::node_element || !condition(M, F, &Meta))
      continue;
    Meta[lower(M.name())] =
        llvm::StringRef(expandMetadata(M.text().get(), Meta, F, M)).trim().str();
  }
}

void ProjectEvaluator::readDefinitions() {
  for (const Located &G : DefinitionGroups) {
    if (!condition(G.Node, G.File))
      continue;
    for (pugi::xml_node Cl : G.Node.children("ClCompile"))
      if (condition(Cl, G.File))
        applyMetadata(Cl, ClDefaults, G.File);
  }
}

// "src\\*.c": the files of one directory whose names match, sorted. False
// for what is not expanded: a wildcard in a directory name, or '**'.
bool ProjectEvaluator::expandWildcard(const std::string &Pattern, std::vector<std::string> &Out) {
  std::string P = Pattern;
  std::replace(P.begin(), P.end(), '\\', '/');
  size_t Slash = P.rfind('/');
  std::string Dir = Slash == std::string::npos ? "" : P.substr(0, Slash + 1);
  std::string Name = P.substr(Dir.size());
  if (Dir.find_first_of("*?") != std::string::npos || Name.find("**") != std::string::npos)
    return false;
  auto Glob = llvm::GlobPattern::create(lower(Name));
  if (!Glob)
    return false;
  std::vector<std::string> Found;
  std::error_code EC;
  for (fs::directory_iterator D(resolvePath(ProjectDir, Dir.empty() ? "." : Dir), EC), DE;
       !EC && D != DE && Found.size() < 10000; D.increment(EC)) {
    std::string File = path::filename(D->path()).str();
    if (Glob->match(lower(File)) && fs::is_regular_file(D->path()))
      Found.push_back(Dir + File);
  }
  std::sort(Found.begin(), Found.end());
  Out.insert(Out.end(), Found.begin(), Found.end());
  return true;
}

void ProjectEvaluator::readItems() {
  auto Split = [](const std::string &S) {
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    llvm::StringRef(S).split(Parts, ';', -1, false);
    std::vector<std::string> Out;
    for (llvm::StringRef P : Parts)
      if (!P.trim().empty())
        Out.push_back(P.trim().str());
    return Out;
  };
  auto Same = [&](const std::string &A, const std::string &B) {
    return llvm::StringRef(resolvePath(ProjectDir, A)).equals_insensitive(resolvePath(ProjectDir, B));
  };
  for (const Located &G : ItemGroups) {
    if (!condition(G.Node, G.File))
      continue;
    // mc.exe writes <GeneratedFilesBaseName or the input's name>.h (an ETW
    // manifest's logging macros, a message table's ids).
    for (pugi::xml_node Mc : G.Node.children("MessageCompile")) {
      if (!condition(Mc, G.File))
        continue;
      std::string Base = expand(Mc.child_value("GeneratedFilesBaseName"), G.File, Mc);
      for (const std::string &Input : Split(expand(Mc.attribute("Include").value(), G.File, Mc))) {
        std::string Stem = llvm::StringRef(Base).trim().empty() ? stemOf(Input) : Base;
        Out.GeneratedHeaders[lower(llvm::StringRef(Stem).trim().str()) + ".h"] =
            resolvePath(ProjectDir, Input);
      }
    }
    // mofcomp compiles NAME.mof to NAME.bmf, wmimofck writes its header.
    for (pugi::xml_node Mof : G.Node.children("MofComp"))
      if (condition(Mof, G.File))
        for (const std::string &Input : Split(expand(Mof.attribute("Include").value(), G.File, Mof)))
          MofSources[lower(stemOf(Input))] = resolvePath(ProjectDir, Input);
    for (pugi::xml_node W : G.Node.children("Wmimofck")) {
      std::string Header = expand(W.child_value("HeaderOutputFile"), G.File, W);
      if (!condition(W, G.File) || llvm::StringRef(Header).trim().empty())
        continue;
      for (const std::string &Input : Split(expand(W.attribute("Include").value(), G.File, W)))
        MofHeaders.emplace_back(lower(stemOf(Header)) + ".h", lower(stemOf(Input)));
    }
    for (pugi::xml_node Cl : G.Node.children("ClCompile")) {
      if (!condition(Cl, G.File))
        continue;
      if (pugi::xml_attribute Remove = Cl.attribute("Remove")) {
        for (const std::string &R : Split(expand(Remove.value(), G.File, Cl)))
          llvm::erase_if(Items, [&](const Item &I) { return Same(I.Identity, R); });
        continue;
      }
      if (pugi::xml_attribute Update = Cl.attribute("Update")) {
        for (const std::string &U : Split(expand(Update.value(), G.File, Cl)))
          for (Item &I : Items)
            if (Same(I.Identity, U))
              applyMetadata(Cl, I.Meta, G.File);
        continue;
      }
      std::vector<std::string> Excluded = Split(expand(Cl.attribute("Exclude").value(), G.File, Cl));
      std::vector<std::string> Included;
      for (const std::string &Inc : Split(expand(Cl.attribute("Include").value(), G.File, Cl))) {
        if (Inc.find_first_of("*?") == std::string::npos) {
          Included.push_back(Inc);
          continue;
        }
        if (!expandWildcard(Inc, Included))
          warn(G.File, Cl, "a ClCompile Include with a wildcard in a directory name or '**' is "
                           "not expanded");
      }
      auto Matches = [&](const std::string &Pattern, const std::string &Inc) {
        if (Pattern.find_first_of("*?") == std::string::npos)
          return Same(Pattern, Inc);
        std::string P = lower(Pattern), F = lower(Inc);
        std::replace(P.begin(), P.end(), '\\', '/');
        std::replace(F.begin(), F.end(), '\\', '/');
        auto Glob = llvm::GlobPattern::create(P);
        return Glob && Glob->match(F);
      };
      for (const std::string &Inc : Included) {
        if (llvm::any_of(Excluded, [&](const std::string &E) { return Matches(E, Inc); }))
          continue;
        Item I{Inc, ClDefaults};
        applyMetadata(Cl, I.Meta, G.File);
        Items.push_back(std::move(I));
      }
    }
  }
  for (const auto &[Header, BmfStem] : MofHeaders) {
    auto Source = MofSources.find(BmfStem);
    Out.GeneratedHeaders[Header] = Source == MofSources.end() ? "" : Source->second;
  }
}

bool ProjectEvaluator::evaluate(std::string &Error) {
  if (!evaluateFile(ProjectPath, nullptr, pugi::xml_node(), &Error))
    return false;
  // The WDK props' defaults the projects' metadata may refer to.
  if (get("KMDF_VERSION_MAJOR").empty() &&
      llvm::StringRef(get("DriverType")).equals_insensitive("KMDF"))
    set("KMDF_VERSION_MAJOR", "1");
  readDefinitions();
  readItems();
  return true;
}

bool isTrue(llvm::StringRef V) { return V.trim().equals_insensitive("true"); }

// The trace functions tracewpp would be given for File: -func: options
// (WppTraceFunction, "TraceEvents(LEVEL,FLAGS,MSG,...);Hexdump((...))", and
// -func: in WppAdditionalOptions) and the FUNC lines of the -scan: file
// (WppScanConfigurationData). Kept for --assume-generated-empty's .tmh
// stand-ins; files read with the input limits, once each.
void ProjectEvaluator::addProjectWppFunctions(const std::string &File, const std::string &TraceFunctions,
                                              const std::string &AdditionalOptions,
                                              const std::string &ScanFile) {
  std::set<std::string> &Functions = Out.WppFunctions[File];
  auto AddName = [&](llvm::StringRef Signature) {
    Signature = Signature.trim();
    size_t End = 0;
    while (End < Signature.size() && (llvm::isAlnum(Signature[End]) || Signature[End] == '_'))
      ++End;
    if (End > 0 && !llvm::isDigit(Signature[0]))
      Functions.insert(Signature.take_front(End).str());
  };
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  llvm::StringRef(TraceFunctions).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    AddName(P);
  for (llvm::StringRef Rest = AdditionalOptions; !Rest.empty();) {
    size_t At = Rest.find_insensitive("-func:");
    if (At == llvm::StringRef::npos)
      break;
    Rest = Rest.drop_front(At + 6);
    AddName(Rest.trim('"'));
  }
  if (llvm::StringRef(ScanFile).trim().empty())
    return;
  std::string Path = resolvePath(ProjectDir, llvm::StringRef(ScanFile).trim().str());
  auto [It, New] = ScanFileFunctions.try_emplace(Path);
  if (New) {
    std::string Error;
    if (auto Text = readInputFile(Path, "the WPP configuration file", Error))
      addWppFunctions(*Text, It->second);
    else
      Out.Warnings.push_back({ProjectPath, 0, Error + " (WppScanConfigurationData); its trace "
                                                  "functions are not known"});
  }
  Functions.insert(It->second.begin(), It->second.end());
}

void ProjectEvaluator::makeCommands() {
  std::string ToolsetName = get("PlatformToolset");
  llvm::StringRef Toolset = ToolsetName;
  bool Kernel = Toolset.starts_with_insensitive("WindowsKernelModeDriver");
  bool UserDriver = Toolset.starts_with_insensitive("WindowsUserModeDriver");
  bool Wdk = Kernel || UserDriver;
  std::string DriverType = get("DriverType");
  std::string Platform = lower(Options.Platform);

  std::vector<std::string> Front;
  if (Platform == "arm64")
    Front = {"--target=aarch64-pc-windows-msvc", "-D_WIN64", "-D_ARM64_", "-DARM64"};
  else if (Platform == "win32" || Platform == "x86")
    Front = {"--target=i686-pc-windows-msvc", "-D_X86_=1", "-Di386=1"};
  else
    Front = {"--target=x86_64-pc-windows-msvc", "-D_WIN64", "-D_AMD64_", "-DAMD64"};
  Front.insert(Front.end(), {"-fms-extensions", "-fms-compatibility"});
  if (Wdk) {
    // The WDK's headers as MSVC 19.40 reads them: what cl.exe accepts with
    // a warning, Clang makes an error by default. That includes a C call to
    // an undeclared function (C4013), e.g. a DDI newer than the headers.
    Front.insert(Front.end(),
                 {"-fms-compatibility-version=19.40", "-Wno-error=incompatible-function-pointer-types",
                  "-Wno-error=implicit-int", "-Wno-error=int-conversion",
                  "-Wno-error=return-mismatch", "-Wno-error=invalid-token-paste",
                  "-Wno-error=implicit-function-declaration"});
    Front.insert(Front.end(), {"-DWINNT=1", "-D_WIN32_WINNT=0x0A00", "-DWINVER=0x0A00",
                               "-DDEPRECATE_DDK_FUNCTIONS=1"});
    if (this->Wdk && !this->Wdk->NtddiDefault.empty())
      Front.push_back("-DNTDDI_VERSION=" + this->Wdk->NtddiDefault);
    if (isTrue(get("UseDebugLibraries")))
      Front.insert(Front.end(), {"-DDBG=1", "-DMSC_NOOPT"});
  }
  if (Kernel)
    Front.push_back("-D_KERNEL_MODE"); // cl /kernel defines it
  else if (UserDriver)
    Front.insert(Front.end(), {"-D_UNICODE", "-DUNICODE"});

  // Include directories the toolset adds, after the project's own.
  std::vector<std::string> System;
  auto Framework = [&](const char *Kind, const char *Prefix) {
    std::string Major = get(std::string(Prefix) + "_VERSION_MAJOR");
    std::string Minor = get(std::string(Prefix) + "_VERSION_MINOR");
    if (Major.empty())
      Major = "1";
    std::string Dir;
    if (this->Wdk)
      for (const std::string &W : this->Wdk->Wdf) {
        std::string Root = resolvePath(W, Kind);
        std::vector<std::string> Versions = versionDirs(Root);
        if (Minor.empty() && !Versions.empty())
          Minor = llvm::StringRef(Versions.back()).split('.').second.str();
        if (!Minor.empty() && fs::is_directory(Root + "/" + Major + "." + Minor)) {
          Dir = Root + "/" + Major + "." + Minor;
          break;
        }
      }
    if (this->Wdk && Dir.empty())
      Out.Warnings.push_back({ProjectPath, 0, std::string("the WDK has no ") + Kind + " " + Major +
                                                  "." + (Minor.empty() ? "x" : Minor) + " headers"});
    Front.push_back(std::string("-D") + Prefix + "_VERSION_MAJOR=" + Major);
    if (!Minor.empty())
      Front.push_back(std::string("-D") + Prefix + "_VERSION_MINOR=" + Minor);
    if (!Dir.empty())
      System.push_back(Dir);
  };
  if (llvm::StringRef(DriverType).equals_insensitive("KMDF"))
    Framework("kmdf", "KMDF");
  else if (llvm::StringRef(DriverType).equals_insensitive("UMDF"))
    Framework("umdf", "UMDF");
  if (this->Wdk && Wdk) {
    const std::string &Inc = this->Wdk->Include;
    // Class extensions the WDK props add from their *_VERSION_* properties.
    for (auto [Prefix, Sub] : {std::pair{"NETADAPTER", "km/netadaptercx"}, {"UCX", "km/ucx"},
                               {"UDE", "km/ude"}, {"UFX", "km/ufx"}, {"UCM", "km/ucm"},
                               {"URS", "km/urs"}, {"WIFI", "km/wificx"}, {"ACX", "km/acx/km"}}) {
      std::string Major = get(std::string(Prefix) + "_VERSION_MAJOR");
      std::string Minor = get(std::string(Prefix) + "_VERSION_MINOR");
      std::string Dir = resolvePath(Inc, std::string(Sub) + "/" + Major + "." + Minor);
      if (!Major.empty() && !Minor.empty() && fs::is_directory(Dir))
        System.push_back(Dir);
    }
    for (const char *Sub : Kernel ? std::vector<const char *>{"km/crt", "km", "shared"}
                                  : std::vector<const char *>{"um", "shared", "ucrt"}) {
      std::string Dir = resolvePath(Inc, Sub);
      if (fs::is_directory(Dir))
        System.push_back(Dir);
    }
  }

  for (const Item &I : Items) {
    auto Meta = [&](const char *Name) {
      auto It = I.Meta.find(lower(Name));
      return It == I.Meta.end() ? std::string() : It->second;
    };
    if (isTrue(Meta("ExcludedFromBuild")))
      continue;
    std::string File = resolvePath(ProjectDir, I.Identity);
    if (!path::is_absolute(File)) {
      Out.Warnings.push_back({ProjectPath, 0, "a ClCompile item names a path this system cannot "
                                              "resolve (a drive letter?); skipped"});
      continue;
    }
    if (llvm::any_of(Out.Commands, [&](const clang::tooling::CompileCommand &C) {
          return C.Filename == File;
        }))
      continue; // in two projects of a solution: analysed once, with the first
    std::vector<std::string> Args{"clang"};
    Args.insert(Args.end(), Front.begin(), Front.end());
    auto List = [](const std::string &S) {
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      llvm::StringRef(S).split(Parts, ';', -1, false);
      std::vector<std::string> Out;
      for (llvm::StringRef P : Parts)
        if (!P.trim().empty())
          Out.push_back(P.trim().str());
      return Out;
    };
    for (const std::string &D : List(Meta("PreprocessorDefinitions")))
      if (D[0] != '/' && D[0] != '-') // "/wd4996" written into the list by mistake
        Args.push_back("-D" + D);
    for (const std::string &U : List(Meta("UndefinePreprocessorDefinitions")))
      Args.push_back("-U" + U);
    std::vector<std::string> Includes;
    for (const std::string &D : List(Meta("AdditionalIncludeDirectories"))) {
      std::string Dir = resolvePath(ProjectDir, D);
      if (!Dir.empty() && !llvm::is_contained(Includes, Dir))
        Includes.push_back(Dir);
    }
    // cl /Yu takes the precompiled header from the project directory even
    // when the source lives elsewhere.
    if (lower(Meta("PrecompiledHeader")) == "use" && !llvm::is_contained(Includes, ProjectDir))
      Includes.push_back(ProjectDir);
    for (const std::string &D : Includes)
      Args.push_back("-I" + D);
    for (const std::string &D : System) {
      Args.push_back("-isystem");
      Args.push_back(D);
    }
    for (const std::string &Forced : List(Meta("ForcedIncludeFiles"))) {
      std::string P = resolvePath(ProjectDir, Forced);
      Args.push_back("-include");
      Args.push_back(fs::exists(P) ? P : Forced); // else found through the include path
    }
    std::string CompileAs = lower(Meta("CompileAs"));
    llvm::StringRef Ext = path::extension(File);
    bool AsC = CompileAs == "compileasc" || (CompileAs != "compileascpp" && Ext.equals_insensitive(".c"));
    std::string Std = lower(Meta(AsC ? "LanguageStandard_C" : "LanguageStandard"));
    if (llvm::StringRef(Std).starts_with("stdc") && Std != "stdclatest")
      Args.push_back("-std=" + (AsC ? "c" + Std.substr(4) : "c++" + Std.substr(6)));
    // cl compiling C takes try/except/finally/leave as the SEH keywords
    // (the FastFAT and CDFS samples use them); Clang knows only __try etc.
    if (AsC && Wdk)
      Args.insert(Args.end(), {"-Dtry=__try", "-Dexcept=__except", "-Dfinally=__finally",
                               "-Dleave=__leave"});
    Args.insert(Args.end(), {"-x", AsC ? "c" : "c++", File});
    Out.Commands.emplace_back(ProjectDir, File, std::move(Args), "");
    if (isTrue(Meta("WppEnabled")))
      addProjectWppFunctions(File, Meta("WppTraceFunction"), Meta("WppAdditionalOptions"),
                             Meta("WppScanConfigurationData"));
  }
}

} // namespace

bool readSolutionProjects(const std::string &Sln, const std::string &Configuration,
                          const std::string &Platform, std::vector<SolutionProject> &Projects,
                          std::string &Error) {
  auto Text = readInputFile(Sln, "the solution", Error);
  if (!Text)
    return false;
  std::string Dir = path::parent_path(Sln).str();
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(*Text).split(Lines, '\n');
  std::vector<std::string> Guids;
  std::set<std::string> Mapped; // projects the solution maps for some configuration
  std::string Wanted = lower(Configuration + "|" + Platform);
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    // Project("{type}") = "Name", "relative\path.vcxproj", "{guid}"
    if (Line.starts_with("Project(")) {
      llvm::SmallVector<llvm::StringRef, 4> Fields;
      Line.split('=').second.split(Fields, ',');
      if (Fields.size() < 3)
        continue;
      llvm::StringRef Rel = Fields[1].trim().trim('"');
      if (!Rel.ends_with_insensitive(".vcxproj"))
        continue;
      Projects.push_back({resolvePath(Dir, Rel), Configuration, Platform, true});
      Guids.push_back(lower(Fields[2].trim().trim('"')));
      continue;
    }
    // {guid}.Debug|x64.ActiveCfg = Release|x64 (and .Build.0 when built)
    auto [Key, Value] = Line.split('=');
    Key = Key.trim();
    if (!Key.starts_with("{") || Value.empty())
      continue;
    auto [Guid, Rest] = Key.split('.');
    std::string G = lower(Guid);
    auto It = llvm::find(Guids, G);
    if (It == Guids.end())
      continue;
    SolutionProject &P = Projects[It - Guids.begin()];
    if (Mapped.insert(G).second)
      P.Built = false; // until a Build.0 for the wanted configuration says so
    llvm::StringRef Cfg = Rest.rsplit('.').first;
    llvm::StringRef What = Rest.rsplit('.').second;
    if (Rest.ends_with_insensitive(".Build.0")) {
      Cfg = Rest.drop_back(strlen(".Build.0"));
      What = "Build.0";
    }
    if (lower(Cfg) != Wanted)
      continue;
    if (What == "ActiveCfg") {
      auto [C, Pl] = Value.trim().split('|');
      P.Configuration = C.trim().str();
      P.Platform = Pl.trim().str();
    } else if (What == "Build.0") {
      P.Built = true;
    }
  }
  return true;
}

bool loadMsBuildCommands(const std::string &Path, const MsBuildOptions &Options,
                         MsBuildCommands &Out, std::string &Error) {
  llvm::SmallString<256> Abs(Path);
  fs::make_absolute(Abs);
  path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::string Input = Abs.str().str();
  std::optional<WdkLayout> Wdk;
  if (!Options.Wdk.empty()) {
    Wdk = locateWdk(Options.Wdk, Error);
    if (!Wdk)
      return false;
  }
  if (std::string Problem = checkInputFile(Input, "the MSBuild project"); !Problem.empty()) {
    Error = Problem;
    return false;
  }
  std::vector<SolutionProject> Projects;
  std::string SolutionDir;
  bool Solution = llvm::StringRef(Input).ends_with_insensitive(".sln");
  if (Solution) {
    if (!readSolutionProjects(Input, Options.Configuration, Options.Platform, Projects, Error))
      return false;
    Out.ProjectFiles.push_back(Input);
    SolutionDir = path::parent_path(Input).str();
    if (Projects.empty()) {
      Error = Input + ": the solution names no .vcxproj project";
      return false;
    }
  } else {
    Projects.push_back({Input, Options.Configuration, Options.Platform, true});
    // Visual Studio sets SolutionDir to the directory of the solution the
    // project was opened from: the nearest one up, if any.
    std::string Dir = path::parent_path(Input).str();
    for (unsigned Up = 0; Up < 8 && SolutionDir.empty() && !Dir.empty(); ++Up) {
      std::error_code EC;
      for (fs::directory_iterator D(Dir, EC), DE; !EC && D != DE; D.increment(EC))
        if (path::extension(D->path()).equals_insensitive(".sln")) {
          SolutionDir = Dir;
          break;
        }
      std::string Parent = path::parent_path(Dir).str();
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
  }
  for (const SolutionProject &SP : Projects) {
    const std::string &P = SP.Path;
    if (!SP.Built) {
      Out.Warnings.push_back({Input, 0, "the solution does not build " +
                                            path::filename(P).str() + " in " +
                                            Options.Configuration + "|" + Options.Platform +
                                            "; skipped"});
      continue;
    }
    MsBuildOptions ProjectOptions = Options;
    ProjectOptions.Configuration = SP.Configuration;
    ProjectOptions.Platform = SP.Platform;
    ProjectEvaluator E(P, ProjectOptions, Wdk, SolutionDir, Out);
    std::string ProjectError;
    if (!E.evaluate(ProjectError)) {
      if (!Solution) {
        Error = ProjectError;
        return false;
      }
      Out.Warnings.push_back({P, 0, ProjectError + "; the project was skipped"});
      continue;
    }
    ++Out.Projects;
    Out.KernelModeProjects += E.kernelMode();
    E.makeCommands();
  }
  return true;
}

std::string compileCommandsJson(const std::vector<clang::tooling::CompileCommand> &Commands) {
  nlohmann::json Db = nlohmann::json::array();
  for (const clang::tooling::CompileCommand &C : Commands)
    Db.push_back({{"directory", C.Directory}, {"file", C.Filename}, {"arguments", C.CommandLine}});
  return Db.dump(1) + "\n";
}

} // namespace vmbcheck
