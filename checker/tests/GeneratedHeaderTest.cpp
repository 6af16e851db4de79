// Stand-ins of generated headers (--assume-generated-empty): the ids of a
// message text file as mc.exe writes them, and which file a header is
// generated from.
#include "frontend/GeneratedHeaders.h"
#include "frontend/MessageTextHeader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace vmbcheck {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

// The layout of the WDK serial sample's serlog.mc.
const char *const SerialLog = R"(;#ifndef _SERLOG_
;#define _SERLOG_
MessageIdTypedef=NTSTATUS

SeverityNames=(Success=0x0:STATUS_SEVERITY_SUCCESS
               Informational=0x1:STATUS_SEVERITY_INFORMATIONAL
               Error=0x3:STATUS_SEVERITY_ERROR
              )

FacilityNames=(System=0x0
               Serial=0x6:FACILITY_SERIAL_ERROR_CODE
              )

MessageId=0x0001 Facility=Serial Severity=Informational SymbolicName=SERIAL_KERNEL_DEBUGGER_ACTIVE
Language=English
The kernel debugger is already using %2.
; not a header line: message text
.

MessageId=+2 SymbolicName=SERIAL_FIFO_PRESENT
Language=English
While validating that %2 was really a serial port, a fifo was detected.
.

MessageId= Severity=Error SymbolicName=SERIAL_USER_OVERRIDE
Language=English
User changes overrode the firmware.
.
;#endif
)";

TEST(GeneratedHeaders, MessageTextIdsAsMcWritesThem) {
  std::string H = messageTextHeader(SerialLog);
  EXPECT_TRUE(contains(H, "#ifndef _SERLOG_\n#define _SERLOG_\n")) << H;
  EXPECT_TRUE(contains(H, "#define STATUS_SEVERITY_INFORMATIONAL 0x1\n")) << H;
  EXPECT_TRUE(contains(H, "#define FACILITY_SERIAL_ERROR_CODE 0x6\n")) << H;
  // Sev 01, facility 6, code 1.
  EXPECT_TRUE(contains(H, "#define SERIAL_KERNEL_DEBUGGER_ACTIVE ((NTSTATUS)0x40060001L)\n")) << H;
  // +2 from the last code; severity and facility carried over.
  EXPECT_TRUE(contains(H, "#define SERIAL_FIFO_PRESENT ((NTSTATUS)0x40060003L)\n")) << H;
  // No id: the next code.
  EXPECT_TRUE(contains(H, "#define SERIAL_USER_OVERRIDE ((NTSTATUS)0xC0060004L)\n")) << H;
  EXPECT_FALSE(contains(H, "not a header line")) << H;
  EXPECT_TRUE(H.size() > 10 && H.substr(H.size() - 7) == "#endif\n") << H;
}

TEST(GeneratedHeaders, MessageTextWithoutTypedefOrFacilities) {
  std::string H = messageTextHeader("MessageId=100\r\nSymbolicName=MSG_USAGE\r\nLanguage=English\r\n"
                                    "Usage.\r\n.\r\nMessageId=\r\nSymbolicName=MSG_NEXT\r\nLanguage=English\r\nx\r\n.\r\n");
  EXPECT_TRUE(contains(H, "#define MSG_USAGE 0x00000064L\n")) << H;
  EXPECT_TRUE(contains(H, "#define MSG_NEXT 0x00000065L\n")) << H;
  // Untrusted text: what is not an identifier or a number is skipped.
  std::string Bad = messageTextHeader("MessageId=zz SymbolicName=A;B\nLanguage=English\n.\n"
                                      "SeverityNames=(x=notanumber:SYM)\nFacilityNames=(");
  EXPECT_FALSE(contains(Bad, "#define")) << Bad;
}

TEST(GeneratedHeaders, SourceNextToTheIncluder) {
  namespace fs = std::filesystem;
  fs::path Dir = fs::temp_directory_path() / ("vmbcheck-gen-" + std::to_string(::getpid()));
  fs::create_directories(Dir / "sub");
  std::ofstream(Dir / "SerLog.mc") << SerialLog;
  std::ofstream(Dir / "busenum.mof") << "class X {};\n";
  EXPECT_EQ(generatedHeaderSource("serlog.h", (Dir / "sub").string()), (Dir / "SerLog.mc").string());
  EXPECT_EQ(generatedHeaderSource("busenumMof.h", Dir.string()), (Dir / "busenum.mof").string());
  EXPECT_EQ(generatedHeaderSource("drv.tmh", Dir.string()), std::string());
  EXPECT_EQ(generatedHeaderSource("other.h", Dir.string()), std::nullopt);
  std::string StandIn = generatedHeaderStandIn("serlog.h", {}, (Dir / "SerLog.mc").string());
  EXPECT_TRUE(contains(StandIn, "#define SERIAL_USER_OVERRIDE")) << StandIn;
  fs::remove_all(Dir);
}

} // namespace
} // namespace vmbcheck
