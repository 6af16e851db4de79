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
  // The same cast again (the rewrite did not compile): not rewritten twice.
  EXPECT_FALSE(R.add(Cast, Disk, Text));
}

} // namespace
} // namespace vmbcheck
