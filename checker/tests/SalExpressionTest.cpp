#include "frontend/SalExpression.h"

#include <gtest/gtest.h>

#include <map>

namespace vmbcheck {
namespace {

std::optional<int64_t> eval(const std::string &Text,
                            std::map<std::string, std::string> Macros = {},
                            std::map<std::string, int64_t> Values = {}) {
  SalResolver R;
  R.Macro = [Macros](llvm::StringRef N) -> std::optional<std::vector<SalToken>> {
    auto It = Macros.find(N.str());
    if (It == Macros.end())
      return std::nullopt;
    return tokenizeSal(It->second);
  };
  R.Value = [Values](llvm::StringRef N, bool Deref) -> std::optional<int64_t> {
    auto It = Values.find((Deref ? "*" : "") + N.str());
    if (It == Values.end())
      return std::nullopt;
    return It->second;
  };
  R.Field = [Values](llvm::StringRef N, llvm::StringRef Member) -> std::optional<int64_t> {
    auto It = Values.find(N.str() + "->" + Member.str());
    if (It == Values.end())
      return std::nullopt;
    return It->second;
  };
  return evaluateSal(tokenizeSal(Text), R);
}

TEST(SalExpression, MemberOfAnArgumentAsTheWdkWritesIt) {
  const char *Zero = "(Timeout!=NULL && Timeout->QuadPart==0)";
  const char *Wait = "(Timeout==NULL || Timeout->QuadPart!=0)";
  std::map<std::string, std::string> M = {{"NULL", "((void *)0)"}};
  EXPECT_EQ(eval(Zero, M, {{"Timeout", 1}, {"Timeout->QuadPart", 0}}), 1);
  EXPECT_EQ(eval(Wait, M, {{"Timeout", 1}, {"Timeout->QuadPart", 0}}), 0);
  // A NULL timeout decides both without reading the member.
  EXPECT_EQ(eval(Zero, M, {{"Timeout", 0}}), 0);
  EXPECT_EQ(eval(Wait, M, {{"Timeout", 0}}), 1);
  // An unknown member leaves the condition undecided.
  EXPECT_EQ(eval(Zero, M, {{"Timeout", 1}}), std::nullopt);
}

TEST(SalExpression, IntegerLiteralsInEveryBase) {
  EXPECT_EQ(eval("42"), 42);
  EXPECT_EQ(eval("0x100ULL"), 256);
  EXPECT_EQ(eval("010"), 8);
  EXPECT_EQ(eval("0xC0000023L"), 0xC0000023LL);
}

TEST(SalExpression, PrecedenceAndParentheses) {
  EXPECT_EQ(eval("1 + 2 * 3"), 7);
  EXPECT_EQ(eval("(1 + 2) * 3"), 9);
  EXPECT_EQ(eval("1 << 4 | 1"), 17);
  EXPECT_EQ(eval("2 > 1 && 0 == 0"), 1);
  EXPECT_EQ(eval("!0 ? 5 : 6"), 5);
}

TEST(SalExpression, MacrosAndCasts) {
  EXPECT_EQ(eval("DISPATCH_LEVEL", {{"DISPATCH_LEVEL", "2"}}), 2);
  EXPECT_EQ(eval("LOCK_LEVEL", {{"LOCK_LEVEL", "(KIRQL)DISPATCH_LEVEL"}, {"DISPATCH_LEVEL", "2"}}), 2);
  // Fallback values of the kernel's level names.
  EXPECT_EQ(eval("APC_LEVEL"), 1);
  EXPECT_EQ(eval("HIGH_LEVEL"), 15);
  EXPECT_EQ(eval("UNKNOWN_NAME"), std::nullopt);
}

TEST(SalExpression, WhenConditionsWithArguments) {
  std::map<std::string, std::string> M = {{"POOL_FLAG_PAGED", "0x100ULL"}, {"NULL", "((void *)0)"}};
  EXPECT_EQ(eval("(Flags & POOL_FLAG_PAGED) != 0", M, {{"Flags", 0x100}}), 1);
  EXPECT_EQ(eval("(Flags & POOL_FLAG_PAGED) != 0", M, {{"Flags", 0x40}}), 0);
  EXPECT_EQ(eval("Timeout == NULL || *Timeout != 0", M, {{"Timeout", 8}, {"*Timeout", 0}}), 0);
  EXPECT_EQ(eval("Timeout == NULL || *Timeout != 0", M, {{"Timeout", 0}}), 1);
  // Unknown argument value: not decidable.
  EXPECT_EQ(eval("Wait == 1", M), std::nullopt);
}

TEST(SalExpression, RejectsNonExpressions) {
  EXPECT_EQ(eval(""), std::nullopt);
  EXPECT_EQ(eval("1 +"), std::nullopt);
  EXPECT_EQ(eval("(1"), std::nullopt);
  EXPECT_EQ(eval("1 / 0"), std::nullopt);
}

} // namespace
} // namespace vmbcheck
