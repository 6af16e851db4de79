// Output details that users and GitHub depend on: the rule catalogue, SARIF
// URIs and fingerprints.
#include "ToolRunner.h"
#include "report/RuleCatalog.h"
#include "report/SarifWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace vmbcheck {
namespace {

TEST(RuleCatalog, EveryRuleIsComplete) {
  const RuleCatalog &C = RuleCatalog::builtin();
  ASSERT_EQ(C.rules().size(), 5u);
  int Index = 0;
  for (const RuleInfo &R : C.rules()) {
    EXPECT_EQ(R.Id, "VMB00" + std::to_string(Index + 1));
    EXPECT_EQ(C.indexOf(R.Id), Index++);
    EXPECT_FALSE(R.Name.empty());
    EXPECT_FALSE(R.ShortDescription.empty());
    EXPECT_FALSE(R.FullDescription.empty());
    EXPECT_FALSE(R.Help.empty());
    EXPECT_FALSE(R.HelpMarkdown.empty()) << R.DocPath << " is not embedded";
  }
}

TEST(RuleCatalog, MalformedCatalogueIsAnError) {
  RuleCatalog C;
  std::string Error;
  EXPECT_FALSE(RuleCatalog::parse("{\"rules\": [{\"id\": \"X\"}]}", C, Error));
  EXPECT_NE(Error.find("rules.json"), std::string::npos);
  RuleCatalog D;
  EXPECT_FALSE(RuleCatalog::parse("not json", D, Error));
}

TEST(Sarif, ArtifactUris) {
  bool Relative = false;
  EXPECT_EQ(artifactUri("/repo/src/a b.c", "/repo", Relative), "src/a%20b.c");
  EXPECT_TRUE(Relative);
  EXPECT_EQ(artifactUri("/elsewhere/x.c", "/repo/", Relative), "file:///elsewhere/x.c");
  EXPECT_FALSE(Relative);
  EXPECT_EQ(artifactUri("/repo/\xff.c", "/repo", Relative), "%FF.c");
}

TEST(Sarif, LineHashIgnoresLineNumbersAndIndentation) {
  Finding A;
  A.RuleId = "VMB004";
  A.Function = "Save";
  A.LineText = "    memcpy(SaveBuf, x, 8);";
  A.Where.Line = 10;
  Finding B = A;
  B.Where.Line = 42;
  B.LineText = "\tmemcpy(SaveBuf, x, 8);";
  EXPECT_EQ(lineHash(A), lineHash(B));
  Finding C = A;
  C.LineText = "    memcpy(SaveBuf, x, 9);";
  EXPECT_NE(lineHash(A), lineHash(C));
  Finding D = A;
  D.RuleId = "VMB003";
  EXPECT_NE(lineHash(A), lineHash(D));
}

// End to end: inserting unrelated lines above every finding changes their
// line numbers but not their fingerprints.
TEST(Sarif, FingerprintsSurviveInsertedLines) {
  std::string Dir = test::makeTempDir();
  std::string Source = test::readFile(test::repoRoot() + "/testdata/example/vsp_example.c");
  test::writeFile(Dir + "/a.c", Source);
  std::string Shifted = Source;
  Shifted.insert(Shifted.find("#define VSP_POOL_TAG"), "/* a\n   new\n   comment */\n\n");
  test::writeFile(Dir + "/b.c", Shifted);
  std::string Include = "-I" + test::repoRoot() + "/testdata/include";
  auto Hashes = [&](const std::string &File, std::set<unsigned> &Lines) {
    test::ToolRun R = test::runTool({File, "--", Include}, true, Dir);
    std::set<std::string> H;
    for (const auto &Res : R.Sarif["runs"][0]["results"]) {
      H.insert(Res["partialFingerprints"]["primaryLocationLineHash"].get<std::string>());
      Lines.insert(Res["locations"][0]["physicalLocation"]["region"]["startLine"].get<unsigned>());
    }
    return H;
  };
  std::set<unsigned> LA, LB;
  auto HA = Hashes("a.c", LA);
  auto HB = Hashes("b.c", LB);
  EXPECT_FALSE(HA.empty());
  EXPECT_EQ(HA, HB);
  EXPECT_NE(LA, LB);
  fs::remove_all(Dir);
}

} // namespace
} // namespace vmbcheck

#include "engine/IrqlContracts.h"

namespace vmbcheck {
namespace {

TEST(IrqlTable, ParsesAndCoversTheDocumentedRoutines) {
  const IrqlContracts &T = IrqlContracts::builtin();
  EXPECT_GE(T.tableSize(), 40u);
  const IrqlContract *Write = T.tableEntry("ZwWriteFile");
  ASSERT_TRUE(Write);
  EXPECT_EQ(Write->Max, 0);
  const IrqlContract *Acquire = T.tableEntry("KeAcquireSpinLockRaiseToDpc");
  ASSERT_TRUE(Acquire);
  EXPECT_EQ(Acquire->Raises.K, IrqlSlot::Level);
  EXPECT_EQ(Acquire->Raises.Value, 2);
  EXPECT_EQ(Acquire->Saves.K, IrqlSlot::Return);
  const IrqlContract *Release = T.tableEntry("KeReleaseInStackQueuedSpinLock");
  ASSERT_TRUE(Release);
  EXPECT_EQ(Release->Restores.K, IrqlSlot::Global);
  const IrqlContract *Wait = T.tableEntry("KeWaitForSingleObject");
  ASSERT_TRUE(Wait);
  ASSERT_EQ(Wait->When.size(), 1u);
  EXPECT_EQ(Wait->When[0].Max, 2);
  EXPECT_EQ(Wait->ArgNames.at("Timeout"), 4u);
}

TEST(IrqlTable, RejectsEntriesWithoutARule) {
  IrqlContracts T;
  std::string Error;
  EXPECT_FALSE(IrqlContracts::parse(R"({"ddis": [{"name": "Foo"}]})", T, Error));
  EXPECT_NE(Error.find("Foo"), std::string::npos);
  EXPECT_FALSE(IrqlContracts::parse(R"({"ddis": [{"name": "Foo", "max": "NO_SUCH_LEVEL"}]})", T,
                                    Error));
}

} // namespace
} // namespace vmbcheck
