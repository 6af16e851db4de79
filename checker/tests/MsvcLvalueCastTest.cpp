// Casts used as lvalues (MSVC C4213): which text is rewritten to what, and
// how positions on a rewritten line map back to the file on disk.
#include "frontend/MsvcLvalueCasts.h"

#include <gtest/gtest.h>

namespace vmbcheck {
namespace {

TEST(MsvcLvalueCasts, CastsBecomeTheLvalueTheyDenote) {
  EXPECT_EQ(lvalueForCast("(PUCHAR)Buffer"), "(*(__typeof__(PUCHAR) *)&(Buffer))");
  EXPECT_EQ(lvalueForCast("((BOOLEAN)Irp->Tail.Overlay.DriverContext[1])"),
            "(*(__typeof__(BOOLEAN) *)&(Irp->Tail.Overlay.DriverContext[1]))");
  EXPECT_EQ(lvalueForCast("(void (*)(int))Table[i]"), "(*(__typeof__(void (*)(int)) *)&(Table[i]))");
  EXPECT_EQ(lvalueForCast("(PCHAR)Name[\")\"]"), "(*(__typeof__(PCHAR) *)&(Name[\")\"]))");
  // Not casts: left alone.
  EXPECT_EQ(lvalueForCast("(a + b)"), std::nullopt);
  EXPECT_EQ(lvalueForCast("Buffer"), std::nullopt);
  EXPECT_EQ(lvalueForCast("(PUCHAR"), std::nullopt);
  EXPECT_EQ(lvalueForCast("(T)"), std::nullopt);
}

TEST(MsvcLvalueCasts, PositionsMapBackToTheFileOnDisk) {
  const std::string Disk = "x;\n    (PULONG)p += 1; *(PULONG)p = 2;\n";
  LvalueCastRewrites R;
  RejectedLvalueCast Cast{"/d/a.c", 7, 9, 2, 5}; // "(PULONG)p" at 2:5
  ASSERT_TRUE(R.add(Cast, Disk, Disk));
  const std::string &Text = R.files().at("/d/a.c");
  EXPECT_EQ(Text, "x;\n    (*(__typeof__(PULONG) *)&(p)) += 1; *(PULONG)p = 2;\n");
  // The store's '=' is at column 32 on disk, further right once rewritten.
  SourceSpan Store{"/d/a.c", 2, static_cast<unsigned>(Text.find(" = 2") - 3 + 2), 2, 0};
  R.mapToOriginal(Store);
  EXPECT_EQ(Store.Column, 32u);
  SourceSpan Inside{"/d/a.c", 2, 12, 2, 0}; // within the rewritten cast
  R.mapToOriginal(Inside);
  EXPECT_EQ(Inside.Column, 5u);
  SourceSpan OtherLine{"/d/a.c", 1, 2, 1, 3};
  R.mapToOriginal(OtherLine);
  EXPECT_EQ(OtherLine.Column, 2u);
  EXPECT_EQ(R.originalLine(Store, "rewritten"), "    (PULONG)p += 1; *(PULONG)p = 2;");
  // The rewrite again (it did not compile): it is not a cast.
  EXPECT_FALSE(R.add({"/d/a.c", 7, 30, 2, 5}, Disk, Text));
  // A cast inside a rewrite is rewritten too: ((ULONG)(ULONG_PTR)x)--.
  LvalueCastRewrites Nested;
  const std::string Twice = "((ULONG)(ULONG_PTR)x)--;\n";
  ASSERT_TRUE(Nested.add({"/d/b.c", 0, 21, 1, 1}, Twice, Twice));
  std::string Once = Nested.files().at("/d/b.c");
  EXPECT_EQ(Once, "(*(__typeof__(ULONG) *)&((ULONG_PTR)x))--;\n");
  size_t Inner = Once.find("((ULONG_PTR)x)");
  ASSERT_TRUE(Nested.add({"/d/b.c", static_cast<unsigned>(Inner), 14, 1, static_cast<unsigned>(Inner + 1)},
                         Twice, Once));
  EXPECT_EQ(Nested.files().at("/d/b.c"),
            "(*(__typeof__(ULONG) *)&(*(__typeof__(ULONG_PTR) *)&(x)))--;\n");
  SourceSpan Decrement{"/d/b.c", 1, static_cast<unsigned>(Nested.files().at("/d/b.c").find("--") + 1), 1, 0};
  Nested.mapToOriginal(Decrement);
  EXPECT_EQ(Decrement.Column, 22u); // "--" on disk
}

TEST(MsvcLvalueCasts, CastExtentInAMacroArgument) {
  EXPECT_EQ(castExtent("((ULONG_PTR) FileObject->FsContext2), TypeOfOpen )"), 36u);
  EXPECT_EQ(castExtent("(PUCHAR)Buffer += 4;"), 14u);
  EXPECT_EQ(castExtent("(PVOID)Table[i].Entry, x"), 21u);
  EXPECT_EQ(castExtent("(ULONG)(ULONG_PTR)Irp->Tail.Overlay.DriverContext[0])--"), 52u);
  EXPECT_EQ(castExtent("(PUCHAR) + 4"), 0u);
  EXPECT_EQ(castExtent("Buffer"), 0u);
  EXPECT_EQ(castExtent("(PUCHAR"), 0u);
}

} // namespace
} // namespace vmbcheck
