// libFuzzer target: the input bytes are one driver source, run through the
// whole pipeline as `vmbcheck --no-isolation input.c -- -I testdata/include`
// would: compile command, parse, callback discovery, VMB005, the
// path-sensitive rules, suppressions, fingerprints, then text and SARIF.
//
// The source is written to a scratch file rather than served from memory so
// that the file-reading steps (suppressions, fix-its) are exercised too.
//
// Besides "no crash, no sanitizer report, no hang", it checks what every
// output must satisfy whatever the input: the SARIF text parses back as
// JSON, and every finding points into the input at a line it has.
#include "cli/Run.h"
#include "report/RuleCatalog.h"
#include "report/SarifWriter.h"
#include "report/TextWriter.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

std::string ScratchFile;

[[noreturn]] void fail(const char *What) {
  std::fprintf(stderr, "vmbcheck fuzz invariant broken: %s\n", What);
  std::abort(); // libFuzzer saves the input as a crash
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // One scratch directory per fuzzing process (-jobs/-workers run several).
  std::string Base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  std::string Dir = Base + "/vmbcheck-fuzz-" + std::to_string(::getpid());
  std::filesystem::create_directories(Dir);
  ScratchFile = Dir + "/input.c";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  {
    std::ofstream Out(ScratchFile, std::ios::binary | std::ios::trunc);
    Out.write(reinterpret_cast<const char *>(Data), static_cast<std::streamsize>(Size));
  }

  using namespace vmbcheck;
  RunOptions Options;
  Options.Sources = {ScratchFile};
  Options.Commands.FixedArgs = std::vector<std::string>{"-I" VMBCHECK_TEST_INCLUDE};
  Options.Isolate = false; // the fuzzer must see crashes, not a child's exit
  // Small budgets keep executions fast; reaching them is itself a path
  // through the reporting code.
  Options.Analysis.Engine.MaxNodes = 20000;
  Options.Analysis.Engine.MaxSeconds = 2;
  RunResult Result = runAnalysis(Options);

  // Lines as Clang counts them: CR LF, LF and a lone CR each end one.
  size_t Lines = 1;
  for (size_t I = 0; I < Size; ++I)
    if (Data[I] == '\n' || (Data[I] == '\r' && (I + 1 == Size || Data[I + 1] != '\n')))
      ++Lines;
  for (const FileResult &F : Result.Files)
    for (const Finding &Fd : F.Findings)
      if (Fd.Where.File == ScratchFile && (Fd.Where.Line == 0 || Fd.Where.Line > Lines))
        fail("a finding points outside the input");

  const RuleCatalog &Rules = RuleCatalog::builtin();
  SarifOptions SO;
  SO.SourceRoot = std::filesystem::path(ScratchFile).parent_path().string();
  SO.ToolVersion = "fuzz";
  SO.InformationUri = "https://example.invalid/";
  std::string Sarif = serializeJson(makeSarif({&Result.Files, &Result.Warnings}, Rules, SO));
  if (!nlohmann::json::accept(Sarif))
    fail("the SARIF output is not valid JSON");

  std::string Text;
  llvm::raw_string_ostream OS(Text);
  TextStyle Style;
  for (const FileResult &F : Result.Files) {
    for (const Notification &N : F.Notifications)
      writeNotificationText(OS, N, Style);
    for (const Finding &Fd : F.Findings)
      writeFindingText(OS, Fd, Rules.find(Fd.RuleId), Style);
  }
  return 0;
}
