// libFuzzer target for the text vmbcheck reads from a repository besides
// the C sources: message text (.mc) and WMI MOF files turned into header
// stand-ins, and casts rewritten as lvalues. One input drives all of them;
// none may crash, hang or read out of bounds, whatever the bytes.
#include "frontend/MessageTextHeader.h"
#include "frontend/MsvcLvalueCasts.h"
#include "frontend/WmiMofHeader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  (void)vmbcheck::wmiMofHeader(Text);
  (void)vmbcheck::messageTextHeader(Text);
  (void)vmbcheck::castExtent(Text);
  (void)vmbcheck::lvalueForCast(Text);
  // A cast said to be somewhere in the input (offsets from its size, so
  // some are past the end), rewritten, then positions mapped back.
  vmbcheck::LvalueCastRewrites Rewrites;
  vmbcheck::RejectedLvalueCast Cast{"/fuzz.c", static_cast<unsigned>(Size / 3),
                                    static_cast<unsigned>(Size / 2 + 1), 1, 1};
  if (Rewrites.add(Cast, Text, Text)) {
    vmbcheck::SourceSpan Span{"/fuzz.c", 1, 3, 1, 40};
    Rewrites.mapToOriginal(Span);
    (void)Rewrites.originalLine(Span, "");
  }
  return 0;
}
