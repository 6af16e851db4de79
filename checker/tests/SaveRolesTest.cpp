// The role table (rules/roles.json) is data the engine trusts for parameter
// positions: the shipped table must hold both KMCL roles with the positions
// of their headers, and a malformed table must be refused, not half-read.
#include "frontend/SaveRoles.h"

#include <gtest/gtest.h>

using namespace vmbcheck;

TEST(SaveRoles, BuiltinTableHasBothKmclRoles) {
  const SaveRoles &R = SaveRoles::builtin();
  const SaveRole *V1 = R.byRoleType("EVT_VMB_CHANNEL_SAVE_PACKET");
  const SaveRole *V5 = R.byRoleType("EVT_VMB_CHANNEL_SAVE_PACKET_EX");
  ASSERT_NE(V1, nullptr);
  ASSERT_NE(V5, nullptr);
  EXPECT_EQ(R.byPointerType("PFN_VMB_CHANNEL_SAVE_PACKET_EX"), V5);
  EXPECT_EQ(V1->ParamCount, 5u);
  EXPECT_EQ(V1->SaveBuf, 2u);
  EXPECT_EQ(V1->SaveBufSize, 3u);
  EXPECT_EQ(V1->BytesNeeded, 4u);
  // V5 inserts CallbackContext after Channel: everything one later.
  EXPECT_EQ(V5->ParamCount, 6u);
  EXPECT_EQ(V5->SaveBuf, 3u);
  EXPECT_EQ(V5->SaveBufSize, 4u);
  EXPECT_EQ(V5->BytesNeeded, 5u);
  ASSERT_EQ(V5->Registrations.size(), 1u);
  EXPECT_EQ(V5->Registrations[0].Function, "VmbServerChannelInitSetSaveRestorePacketCallbacksEx");
  EXPECT_EQ(V5->Registrations[0].Argument, 2u);
  EXPECT_EQ(R.byRoleType("EVT_VMB_CHANNEL_RESTORE_PACKET"), nullptr);
}

TEST(SaveRoles, MalformedTablesAreRefused) {
  const char *Bad[] = {
      "",
      "[]",
      R"({"roles": []})",
      R"({"roles": [{"role": "R"}]})",
      // a position outside the parameter list
      R"({"roles": [{"role": "R", "pointer": "P", "parameterCount": 3,
          "parameters": {"SaveBuf": 0, "SaveBufSize": 1, "BytesNeeded": 3},
          "registrations": []}]})",
      R"({"roles": [{"role": "R", "pointer": "P", "parameterCount": "five",
          "parameters": {"SaveBuf": 0, "SaveBufSize": 1, "BytesNeeded": 2},
          "registrations": []}]})",
  };
  for (const char *Json : Bad) {
    SaveRoles T;
    std::string Error;
    EXPECT_FALSE(SaveRoles::parse(Json, T, Error)) << Json;
    EXPECT_NE(Error.find("roles.json"), std::string::npos) << Error;
    EXPECT_TRUE(T.all().empty() || T.all().size() < 2) << Json;
  }
  SaveRoles T;
  std::string Error;
  EXPECT_TRUE(SaveRoles::parse(R"({"roles": [{"role": "R", "pointer": "P", "parameterCount": 3,
      "parameters": {"SaveBuf": 0, "SaveBufSize": 1, "BytesNeeded": 2},
      "registrations": [{"function": "Reg", "argument": 1}]}]})",
                               T, Error))
      << Error;
  ASSERT_EQ(T.all().size(), 1u);
  EXPECT_EQ(T.all()[0].Interface, "KMCL");
}
