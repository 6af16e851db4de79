#include "cli/FileAnalysis.h"
#include "cli/CaseInsensitiveFileSystem.h"
#include "frontend/GeneratedHeaders.h"
#include "frontend/MsvcLvalueCasts.h"
#include "engine/AstRules.h"
#include "engine/IrqlContracts.h"
#include "frontend/SalIndex.h"
#include "frontend/SourceSpans.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/LexDiagnostic.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <set>

using namespace clang;

namespace vmbcheck {
namespace {

// What one parse could not read that another parse can: missing generated
// headers (by include name, with their stand-ins) and casts used as
// lvalues, which MSVC's C compiler accepts (C4213), with the text of the
// files they are in as that parse read it.
struct ParseGaps {
  std::map<std::string, std::string> MissingGenerated;
  std::vector<RejectedLvalueCast> LvalueCasts;
  std::map<std::string, std::string> LvalueCastFileTexts;
};

// Keeps the first compiler error (with its location) and counts the rest;
// compiler warnings are not vmbcheck's business and are dropped.
class ErrorCollector : public DiagnosticConsumer {
public:
  unsigned Errors = 0;
  bool Fatal = false;
  std::optional<Notification> First;
  std::vector<SourceLocation> Locations; // of every error, in this TU
  ParseGaps Gaps;
  // The trace functions the project configures for this file (--project).
  const std::set<std::string> *ProjectWppFunctions = nullptr;
  const std::map<std::string, std::string> *ProjectGeneratedHeaders = nullptr; // lower case

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *) override { Lang = &LO; }

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    ++Errors;
    Fatal = Fatal || Level == DiagnosticsEngine::Fatal;
    if (Info.hasSourceManager() && Info.getLocation().isValid())
      Locations.push_back(Info.getSourceManager().getExpansionLoc(Info.getLocation()));
    if ((Info.getID() == diag::err_typecheck_lvalue_casts_not_supported ||
         Info.getID() == diag::err_typecheck_invalid_lvalue_addrof ||
         Info.getID() == diag::err_typecheck_expression_not_modifiable_lvalue) &&
        Lang && !Lang->CPlusPlus && Lang->MicrosoftExt && Info.hasSourceManager() &&
        Info.getNumRanges() > 0)
      noteLvalueCast(Info.getSourceManager(), Info.getRange(0), Info.getLocation());
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    if (Info.getID() == diag::err_pp_file_not_found && Info.hasSourceManager() &&
        Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      std::string Name = Info.getArgStdStr(0);
      llvm::SmallString<256> Dir(SM.getFilename(SM.getExpansionLoc(Info.getLocation())));
      llvm::sys::path::remove_filename(Dir);
      // Relative to the command's directory, not to vmbcheck's.
      SM.getFileManager().getVirtualFileSystem().makeAbsolute(Dir);
      std::optional<std::string> Source = generatedHeaderSource(Name, Dir.str().str());
      if (ProjectGeneratedHeaders) // the project knows better
        if (auto It = ProjectGeneratedHeaders->find(llvm::sys::path::filename(Name).lower());
            It != ProjectGeneratedHeaders->end() && (!Source || Source->empty()))
          Source = It->second;
      if (Source) {
        Gaps.MissingGenerated.try_emplace(Name, generatedHeaderStandIn(Name, wppFunctions(SM), *Source));
        Text += ": generated header - build the project first (or pass --assume-generated-empty)";
      }
    }
    if (First)
      return;
    Notification N;
    N.Id = "compile-error";
    N.Message = Text.str().str();
    if (Info.hasSourceManager() && Info.getLocation().isValid() && Lang)
      N.Where = spanOf(Info.getSourceManager(), *Lang, SourceRange(Info.getLocation()));
    First = std::move(N);
  }

private:
  const LangOptions *Lang = nullptr;

  // Where the rejected cast is, when it is written in one file: the
  // expression's range, or for a cast in a macro argument (whose range
  // starts in the macro), the cast written where the error points.
  void noteLvalueCast(const SourceManager &SM, CharSourceRange Range, SourceLocation Loc) {
    CharSourceRange File = Lexer::makeFileCharRange(Range, SM, *Lang);
    FileID FID, EndFID;
    unsigned Begin = 0, End = 0;
    if (File.isValid()) {
      std::tie(FID, Begin) = SM.getDecomposedLoc(File.getBegin());
      std::tie(EndFID, End) = SM.getDecomposedLoc(File.getEnd());
    } else if (SourceLocation Spelling = SM.getSpellingLoc(Loc); Spelling.isFileID()) {
      std::tie(FID, Begin) = SM.getDecomposedLoc(Spelling);
      EndFID = FID;
      End = Begin + castExtent(SM.getBufferData(FID).substr(Begin, 4096));
    }
    OptionalFileEntryRef Entry = FID.isValid() ? SM.getFileEntryRefForID(FID) : std::nullopt;
    if (FID != EndFID || End <= Begin || !Entry)
      return;
    llvm::SmallString<256> Path(Entry->getName());
    SM.getFileManager().getVirtualFileSystem().makeAbsolute(Path);
    llvm::sys::path::remove_dots(Path, true);
    Gaps.LvalueCasts.push_back({Path.str().str(), Begin, End - Begin, SM.getLineNumber(FID, Begin),
                           SM.getColumnNumber(FID, Begin)});
    Gaps.LvalueCastFileTexts.try_emplace(Path.str().str(), SM.getBufferData(FID).str());
  }

  // The WPP trace functions configured in the project's own files read so
  // far (its trace.h is included before the .tmh).
  std::set<std::string> wppFunctions(const SourceManager &SM) const {
    std::set<std::string> Functions;
    if (ProjectWppFunctions)
      Functions = *ProjectWppFunctions;
    for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
      const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
      if (!E.isFile() || E.getFile().getFileCharacteristic() != SrcMgr::C_User)
        continue;
      if (auto Buffer = E.getFile().getContentCache().getBufferIfLoaded())
        addWppFunctions(Buffer->getBuffer(), Functions);
    }
    return Functions;
  }
};

bool containsErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->containsErrors(); // propagates up through expressions
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (D->isInvalidDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (containsErrors(Child))
      return true;
  return false;
}

// Why a callback's signature does not fit its role's contract (the engine
// finds SaveBuf, SaveBufSize and BytesNeeded by position), or "".
std::string signatureProblem(const FunctionDecl *FD, const SaveRole &Role) {
  std::string Params = "the " + std::to_string(Role.ParamCount) + " parameters of " + Role.RoleType;
  if (FD->getNumParams() != Role.ParamCount)
    return "it does not have " + Params;
  auto Type = [&](unsigned I) { return FD->getParamDecl(I)->getType().getCanonicalType(); };
  if (!Type(Role.SaveBuf)->isPointerType() || !Type(Role.BytesNeeded)->isPointerType() ||
      !Type(Role.SaveBufSize)->isIntegerType())
    return "its parameters do not have the types of " + Params +
           " (SaveBuf and BytesNeeded pointers, SaveBufSize an integer)";
  if (FD->isVariadic())
    return "it is variadic, unlike " + Role.RoleType;
  return "";
}

class Analysis {
public:
  Analysis(const AnalysisOptions &Options,
           const std::map<std::string, std::vector<CallbackUse>> &ExternalUses,
           const ErrorCollector &Errors, FileAnalysis &Out)
      : Options(Options), ExternalUses(ExternalUses), Errors(Errors), Out(Out) {}

  bool Ran = false; // the translation unit was parsed (the file was read)

  void run(CompilerInstance &CI, ASTContext &Ctx, const SalIndex &Sal) {
    Ran = true;
    // After a fatal error (a missing header) the rest of the file was not
    // parsed as written: nothing in it can be trusted.
    if (CI.getDiagnostics().hasFatalErrorOccurred())
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    DiscoveryResult Discovery = discoverCallbacks(Ctx, Sal, ExternalUses);
    Out.ExternalUses = Discovery.ExternalUses;
    Out.OtherExternalDefinitions = Discovery.OtherExternalDefinitions;

    if (Options.CheckRoleTypes)
      for (Finding &F : checkVmb005RoleTypeDeclaration(Ctx, Sal, Discovery))
        Out.Result.Findings.push_back(std::move(F));
    if (Options.CheckIrqlAnnotations)
      for (Finding &F : checkVmb001Annotations(Ctx, Sal, Discovery))
        Out.Result.Findings.push_back(std::move(F));

    std::vector<CallbackTarget> ToAnalyse;
    for (const DiscoveredCallback &CB : Discovery.Callbacks) {
      const FunctionDecl *FD = CB.Definition;
      SourceSpan Where = spanOf(SM, Ctx.getLangOpts(), SourceRange(FD->getLocation()));
      Out.Callbacks.push_back({Where, CB.Name, CB.Reasons});
      std::string Why = signatureProblem(FD, *CB.Role);
      if (Why.empty() && bodyDoesNotCompile(SM, FD))
        Why = "its body does not compile";
      if (!Why.empty()) {
        Notification N;
        N.Id = "callback-not-analysed";
        N.Where = Where;
        N.Message = "'" + shortCallbackName(FD) + "' was not analysed: " + Why;
        Out.Result.Notifications.push_back(std::move(N));
        Out.Result.Complete = false;
        continue;
      }
      ToAnalyse.push_back({FD, CB.Role});
    }
    if (Errors.Errors > 0)
      hideBrokenBodies(SM, Ctx.getTranslationUnitDecl());
    EngineResult R =
        analyseCallbacks(CI, Sal, &IrqlContracts::builtin(), ToAnalyse, Options.Engine);
    for (Finding &F : R.Findings) {
      if (F.RuleId == "VMB002")
        for (const CallbackTarget &T : ToAnalyse)
          if (callbackName(T.Function) == F.Function)
            if (auto Fix = vmb002Fix(Ctx, T.Function, *T.Role))
              F.Fixes.push_back(std::move(*Fix));
      Out.Result.Findings.push_back(std::move(F));
    }
    for (Notification &N : R.Notifications) {
      Out.Result.Notifications.push_back(std::move(N));
      Out.Result.Complete = false;
    }
  }

private:
  const AnalysisOptions &Options;
  const std::map<std::string, std::vector<CallbackUse>> &ExternalUses;
  const ErrorCollector &Errors;
  FileAnalysis &Out;

  // A callback that compiles may call a helper whose body does not. The
  // engine would inline that body, and evaluating Clang's error recovery
  // can crash it (the fuzzer found `sizeof *x` with x not a pointer). Such a
  // helper is analysed as if only declared: its effects are unknown, as for
  // any function defined elsewhere. Runs only when the file had errors.
  void hideBrokenBodies(const SourceManager &SM, const DeclContext *DC) const {
    for (const Decl *D : DC->decls()) {
      // extern "C" blocks, namespaces, classes with inline member functions
      if (const auto *Inner = dyn_cast<DeclContext>(D); Inner && !isa<FunctionDecl>(D))
        hideBrokenBodies(SM, Inner);
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->doesThisDeclarationHaveABody())
        continue;
      if (bodyDoesNotCompile(SM, FD))
        const_cast<FunctionDecl *>(FD)->setBody(nullptr);
    }
  }

  bool bodyDoesNotCompile(const SourceManager &SM, const FunctionDecl *FD) const {
    return FD->isInvalidDecl() || containsErrors(FD->getBody()) || hasErrorsIn(SM, FD);
  }

  // Clang recovers from many syntax errors with a valid AST (a missing ';'
  // is inserted); the callback is still not the code that was written.
  bool hasErrorsIn(const SourceManager &SM, const FunctionDecl *FD) const {
    SourceRange R = FD->getSourceRange();
    SourceLocation B = SM.getExpansionLoc(R.getBegin()), E = SM.getExpansionLoc(R.getEnd());
    for (SourceLocation L : Errors.Locations)
      if (SM.isPointWithin(L, B, E))
        return true;
    return false;
  }
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, std::shared_ptr<SalIndex> Sal, Analysis &A)
      : CI(CI), Sal(std::move(Sal)), A(A) {}
  void HandleTranslationUnit(ASTContext &Ctx) override { A.run(CI, Ctx, *Sal); }

private:
  CompilerInstance &CI;
  std::shared_ptr<SalIndex> Sal;
  Analysis &A;
};

class Action : public ASTFrontendAction {
public:
  Action(Analysis &A, bool DisableFree) : A(A), DisableFree(DisableFree) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    CI.getFrontendOpts().DisableFree = DisableFree;
    return std::make_unique<Consumer>(CI, SalIndex::attach(CI.getPreprocessor()), A);
  }

private:
  Analysis &A;
  bool DisableFree;
};

} // namespace

namespace {

// What cl.exe declares before the first line of a translation unit and
// Clang only on first use of operator new: std::align_val_t, which drivers
// name in their own aligned operator new/delete (C++17). Clang takes this
// declaration for its own; being opaque, it agrees with a definition from
// <new> before or after it.
const char *const MsvcPrelude =
    "/* vmbcheck: what cl.exe predeclares */\n"
    "#if defined(__cplusplus) && defined(__cpp_aligned_new) && defined(_MSC_VER)\n"
    "namespace std { enum class align_val_t : decltype(sizeof(0)); }\n"
    "#endif\n";
const char *const MsvcPreludePath = "/vmbcheck-generated-header-stand-ins/vmbcheck-msvc-prelude.h";

// The command parses for an MSVC target (what vmbcheck assumes when none is
// named): its includes are looked up as on Windows, without case.
bool msvcTarget(const std::vector<std::string> &Args) {
  bool Named = false, Msvc = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    std::optional<llvm::StringRef> Triple;
    if ((A == "-target" || A == "--target") && I + 1 < Args.size())
      Triple = Args[I + 1];
    else if (A.consume_front("--target=") || A.consume_front("-target="))
      Triple = A;
    if (Triple) {
      Named = true;
      Msvc = Triple->contains("msvc") || Triple->ends_with("windows");
    }
    if (A == "--driver-mode=cl")
      return true;
  }
  llvm::StringRef Prog = llvm::sys::path::stem(Args.empty() ? "" : Args[0]);
  return !Named || Msvc || Prog.equals_insensitive("cl") || Prog.equals_insensitive("clang-cl");
}

// The -ivfsoverlay files of the command, in order. Clang applies them only
// when it makes its own file manager; vmbcheck makes it, so it applies them.
std::vector<std::string> vfsOverlays(const std::vector<std::string> &Args) {
  std::vector<std::string> Files;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "--")
      break;
    if (A == "-ivfsoverlay" && I + 1 < Args.size())
      Files.push_back(Args[++I]);
    else if (A.consume_front("-ivfsoverlay"))
      Files.push_back(A.str());
  }
  return Files;
}

// The file system a compile of Command sees. Error: an overlay that
// cannot be read.
llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem>
fileSystemFor(const tooling::CompileCommand &Command, const AnalysisOptions &Options,
              const std::map<std::string, std::string> &StandIns,
              const LvalueCastRewrites &Rewrites, std::string &Error) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base = llvm::vfs::createPhysicalFileSystem();
  Base->setCurrentWorkingDirectory(Command.Directory);
  if (Options.CaseInsensitiveIncludes && msvcTarget(Command.CommandLine))
    Base = makeCaseInsensitive(Base);
  for (const std::string &Overlay : vfsOverlays(Command.CommandLine)) {
    auto Buffer = Base->getBufferForFile(Overlay);
    if (!Buffer) {
      Error = "cannot read the -ivfsoverlay file " + Overlay + ": " + Buffer.getError().message();
      break;
    }
    std::string YamlError;
    auto Mapped = llvm::vfs::getVFSFromYAML(
        std::move(*Buffer),
        [](const llvm::SMDiagnostic &D, void *Context) {
          *static_cast<std::string *>(Context) = D.getMessage().str();
        },
        Overlay, &YamlError, Base);
    if (!Mapped) {
      Error = "the -ivfsoverlay file " + Overlay + " is not a valid overlay: " + YamlError;
      break;
    }
    Base = std::move(Mapped);
  }
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Base);
  bool Msvc = msvcTarget(Command.CommandLine);
  if (!StandIns.empty() || !Rewrites.empty() || Msvc) {
    auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    if (Msvc)
      Memory->addFile(MsvcPreludePath, 0, llvm::MemoryBuffer::getMemBuffer(MsvcPrelude, MsvcPreludePath));
    for (const auto &[Name, Text] : StandIns) {
      llvm::SmallString<256> Path(GeneratedHeaderDir);
      llvm::sys::path::append(Path, Name);
      Memory->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
    }
    // Shadows the file on disk at the same path, so names and lines stay.
    for (const auto &[Path, Text] : Rewrites.files())
      Memory->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
    FS->pushOverlay(Memory);
  }
  FS->setCurrentWorkingDirectory(Command.Directory);
  return FS;
}

} // namespace

namespace {

// Whether two spellings of a path (relative ones taken from Dir) name the same file.
bool sameFile(llvm::StringRef A, llvm::StringRef B, llvm::StringRef Dir) {
  auto Normal = [&](llvm::StringRef P) {
    llvm::SmallString<256> Path(P);
    if (!llvm::sys::path::is_absolute(Path)) {
      llvm::SmallString<256> Abs(Dir);
      llvm::sys::path::append(Abs, Path);
      Path = Abs;
    }
    llvm::sys::path::remove_dots(Path, true);
    return Path.str().str();
  };
  return A.empty() || Normal(A) == Normal(B);
}

FileAnalysis analyseOnce(const tooling::CompileCommand &Command, const AnalysisOptions &Options,
                         const std::map<std::string, std::vector<CallbackUse>> &ExternalUses,
                         const std::map<std::string, std::string> &StandIns,
                         const LvalueCastRewrites &Rewrites, ParseGaps &Gaps) {
  FileAnalysis Out;
  Out.Result.File = Command.Filename;

  std::string OverlayError;
  auto FS = fileSystemFor(Command, Options, StandIns, Rewrites, OverlayError);
  if (!OverlayError.empty()) {
    Notification N;
    N.Id = "compile-error";
    N.Where.File = Command.Filename;
    N.Message = OverlayError + "; the file was not analysed";
    Out.Result.Notifications.push_back(std::move(N));
    Out.Result.Complete = false;
    return Out;
  }
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);

  // Say why a source cannot be read in the system's words, once, instead of
  // the driver's "no such file" plus its follow-on errors. FIFOs and other
  // special files are left to the compiler (and to --timeout).
  std::error_code ReadError;
  if (auto Status = FS->status(Command.Filename); !Status)
    ReadError = Status.getError();
  else if (Status->getType() == llvm::sys::fs::file_type::directory_file)
    ReadError = std::make_error_code(std::errc::is_a_directory);
  else if (Status->getType() == llvm::sys::fs::file_type::regular_file)
    if (auto File = FS->openFileForRead(Command.Filename); !File)
      ReadError = File.getError();
  if (ReadError) {
    Notification N;
    N.Id = "unreadable-source";
    N.Where.File = Command.Filename;
    N.Message = "cannot read the source file: " + ReadError.message() + "; the file was not analysed";
    Out.Result.Notifications.push_back(std::move(N));
    Out.Result.Complete = false;
    return Out;
  }

  std::vector<std::string> CommandLine = Command.CommandLine;
  if (msvcTarget(CommandLine) && !CommandLine.empty())
    // -Xclang: the same for the gcc-style and the cl-style driver.
    CommandLine.insert(CommandLine.begin() + 1, {"-Xclang", "-include", "-Xclang", MsvcPreludePath});
  if (!StandIns.empty() && !CommandLine.empty())
    // Searched after every directory of the command, for "" and <> alike:
    // a generated header that does exist is still the one read.
    CommandLine.insert(CommandLine.begin() + 1,
                       {"-Xclang", "-idirafter", "-Xclang", GeneratedHeaderDir});
  ErrorCollector Errors;
  if (Options.ProjectWppFunctions)
    if (auto It = Options.ProjectWppFunctions->find(Command.Filename);
        It != Options.ProjectWppFunctions->end())
      Errors.ProjectWppFunctions = &It->second;
  Errors.ProjectGeneratedHeaders = Options.ProjectGeneratedHeaders.get();
  Analysis A(Options, ExternalUses, Errors, Out);
  tooling::ToolInvocation Invocation(CommandLine,
                                     std::make_unique<Action>(A, Options.DisableFree), Files.get());
  Invocation.setDiagnosticConsumer(&Errors);
  bool Ran = Invocation.run();
  Gaps = std::move(Errors.Gaps);

  if (Errors.Errors > 0 || !Ran) {
    Notification N = Errors.First.value_or(Notification{});
    if (N.Message.empty())
      N.Message = "the compiler could not process this file";
    N.Id = "compile-error";
    if (!N.Where.valid())
      N.Where.File = Command.Filename;
    if (Errors.Errors > 1)
      N.Message += " (and " + std::to_string(Errors.Errors - 1) + " more compiler error" +
                   (Errors.Errors > 2 ? "s" : "") + ")";
    // An error in a header would not say which file it stopped.
    std::string Which = "the file";
    if (!sameFile(N.Where.File, Command.Filename, Command.Directory))
      Which = llvm::sys::path::filename(Command.Filename).str();
    N.Message += Errors.Fatal || !A.Ran
                     ? "; " + Which + " was not analysed"
                     : "; only the callbacks of " + Which + " that compile were analysed";
    Out.Result.Notifications.insert(Out.Result.Notifications.begin(), std::move(N));
    Out.Result.Complete = false;
  }
  return Out;
}

} // namespace

// Positions in files read with rewritten casts, as they are on disk; fix-its
// computed on the rewritten text of a file are dropped.
static void mapToDisk(FileAnalysis &Out, const LvalueCastRewrites &Rewrites) {
  for (Finding &F : Out.Result.Findings) {
    F.LineText = Rewrites.originalLine(F.Where, F.LineText);
    Rewrites.mapToOriginal(F.Where);
    for (PathStep &S : F.Steps)
      Rewrites.mapToOriginal(S.Where);
    llvm::erase_if(F.Fixes, [&](const FixIt &Fix) {
      return llvm::any_of(Fix.Edits, [&](const TextEdit &E) { return Rewrites.rewrote(E.File); });
    });
  }
  for (Notification &N : Out.Result.Notifications)
    Rewrites.mapToOriginal(N.Where);
  for (CallbackListing &C : Out.Callbacks)
    Rewrites.mapToOriginal(C.Where);
  for (auto &[Name, Uses] : Out.ExternalUses)
    for (CallbackUse &U : Uses)
      Rewrites.mapToOriginal(U.Where);
}

FileAnalysis analyseCommand(const tooling::CompileCommand &Command,
                            const AnalysisOptions &Options,
                            const std::map<std::string, std::vector<CallbackUse>> &ExternalUses) {
  // With --assume-generated-empty, a parse that stops at a missing
  // generated header is repeated with a stand-in for it (each missing one
  // is fatal, so one more parse per header, a few at most).
  // A C file with casts used as lvalues (MSVC C4213) is parsed again with
  // them rewritten, once per error limit's worth of them.
  std::map<std::string, std::string> StandIns;
  LvalueCastRewrites Rewrites;
  for (unsigned Attempt = 0;; ++Attempt) {
    ParseGaps Gaps;
    FileAnalysis Out = analyseOnce(Command, Options, ExternalUses, StandIns, Rewrites, Gaps);
    bool New = false;
    if (Options.AssumeGeneratedEmpty)
      for (auto &[Path, Text] : Gaps.MissingGenerated)
        New |= StandIns.try_emplace(Path, Text).second;
    New |= Rewrites.addAll(std::move(Gaps.LvalueCasts), Gaps.LvalueCastFileTexts);
    if (!New || Attempt >= 16) {
      if (!Rewrites.empty())
        mapToDisk(Out, Rewrites);
      return Out;
    }
  }
}

} // namespace vmbcheck
