// The child process sends its analysis back over a pipe: everything the
// parent reports must survive the trip, including paths that are not UTF-8.
#include "cli/Isolation.h"

#include <gtest/gtest.h>

namespace vmbcheck {
namespace {

SourceSpan span(const std::string &File, unsigned Line) { return {File, Line, 3, Line, 9}; }

TEST(Isolation, AnalysisSurvivesTheRoundTrip) {
  FileAnalysis A;
  A.Result.File = "/src/drv\xff.c";
  A.Result.Complete = false;
  Finding F;
  F.RuleId = "VMB004";
  F.Level = "error";
  F.Message = "writes 8 bytes";
  F.Where = span("/src/drv\xff.c", 12);
  F.Function = "Save";
  F.LineText = "    *p = 1;";
  F.Steps.push_back({span("/src/a.h", 4), "Assuming 'SaveBufSize' is 0", 1});
  F.Fixes.push_back({"declare it", {{"/src/drv\xff.c", 100, 4, "EVT_X", span("/src/drv\xff.c", 2)}}});
  A.Result.Findings.push_back(F);
  Notification N;
  N.Level = Notification::Severity::Warning;
  N.Id = "analysis-incomplete";
  N.Message = "stopped";
  N.Where = span("/src/drv\xff.c", 7);
  A.Result.Notifications.push_back(N);
  A.Callbacks.push_back({span("/src/drv\xff.c", 10), "Save", {"declared with the role type"}});
  A.ExternalUses["Save"].push_back({span("/src/reg.c", 30), "registered"});
  A.OtherExternalDefinitions = {"Other"};

  FileAnalysis B;
  ASSERT_TRUE(decodeAnalysis(encodeAnalysis(A), B));
  EXPECT_EQ(B.Result.File, A.Result.File);
  EXPECT_FALSE(B.Result.Complete);
  ASSERT_EQ(B.Result.Findings.size(), 1u);
  const Finding &G = B.Result.Findings[0];
  EXPECT_EQ(G.RuleId, F.RuleId);
  EXPECT_EQ(G.Level, F.Level);
  EXPECT_EQ(G.Message, F.Message);
  EXPECT_EQ(G.Where.File, F.Where.File);
  EXPECT_EQ(G.Where.EndColumn, 9u);
  EXPECT_EQ(G.Function, F.Function);
  EXPECT_EQ(G.LineText, F.LineText);
  ASSERT_EQ(G.Steps.size(), 1u);
  EXPECT_EQ(G.Steps[0].Message, F.Steps[0].Message);
  EXPECT_EQ(G.Steps[0].Depth, 1u);
  ASSERT_EQ(G.Fixes.size(), 1u);
  EXPECT_EQ(G.Fixes[0].Edits[0].Offset, 100u);
  EXPECT_EQ(G.Fixes[0].Edits[0].Replacement, "EVT_X");
  ASSERT_EQ(B.Result.Notifications.size(), 1u);
  EXPECT_EQ(B.Result.Notifications[0].Level, Notification::Severity::Warning);
  EXPECT_EQ(B.Result.Notifications[0].Where.Line, 7u);
  ASSERT_EQ(B.Callbacks.size(), 1u);
  EXPECT_EQ(B.Callbacks[0].Reasons, A.Callbacks[0].Reasons);
  ASSERT_EQ(B.ExternalUses["Save"].size(), 1u);
  EXPECT_EQ(B.ExternalUses["Save"][0].How, "registered");
  EXPECT_EQ(B.OtherExternalDefinitions, A.OtherExternalDefinitions);
}

TEST(Isolation, TruncatedMessageIsRejected) {
  FileAnalysis A;
  A.Result.File = "/src/x.c";
  std::string Bytes = encodeAnalysis(A);
  FileAnalysis B;
  EXPECT_FALSE(decodeAnalysis(Bytes.substr(0, Bytes.size() / 2), B));
  EXPECT_FALSE(decodeAnalysis("", B));
}

} // namespace
} // namespace vmbcheck
