// Stand-ins of generated headers (--assume-generated-empty): the ids of a
// message text file as mc.exe writes them, and which file a header is
// generated from.
#include "frontend/GeneratedHeaders.h"
#include "frontend/MessageTextHeader.h"
#include "frontend/WmiMofHeader.h"

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

// The forms of the WDK samples' MOF files (toaster, msdsm): qualifiers with
// strings, braces and ": amended", a guid with and without braces, methods
// whose parameters are numbered in order, MaxLen strings, embedded classes
// in a WmiSizeIs array, and a string that ends the fixed-size data.
const char *const Mof = R"(#PRAGMA AUTORECOVER
// a comment
[WMI, guid("{0006A660-8F12-11d2-B854-00C04FAD5171}"), locale("MS\\0x409")]
class Item
{
    [key, read] string InstanceName;
    [WmiDataId(2), read, Description("Count; with a ; and ] inside") : amended] uint32 Count;
    [WmiDataId(1), read, WmiEnum{"0=Off", "1=On"}] boolean Enabled;
    [WmiDataId(3), MaxLen(7)] string Id;
};
[WMI, guid("CAAE7D9F-ACF7-4737-A4E9-01C29D3FE194")]
class Control
{
    [WmiDataId(1), read] uint64 Value;
    [WmiDataId(2), read] string Name;
    [WmiDataId(3), read] uint32 After;
    [Implemented, WmiMethodId(4)]
    void Reset([in] uint32 Mode, [in] uint8 Force, [out] uint32 Old);
};
[WMI, guid("{11111111-2222-3333-4444-555555555555}")]
class List
{
    [WmiDataId(1)] uint32 Number;
    [WmiDataId(2), WmiSizeIs("Number")] Item Items[];
    [WmiDataId(3)] uint32 Trailer;
};
)";

TEST(GeneratedHeaders, WmiMofDeclarationsAsWmimofckWritesThem) {
  std::string H = wmiMofHeader(Mof);
  EXPECT_TRUE(contains(H, "#define ItemGuid { 0x0006a660,0x8f12,0x11d2, "
                          "{ 0xb8,0x54,0x00,0xc0,0x4f,0xad,0x51,0x71 } }\n")) << H;
  EXPECT_TRUE(contains(H, "DEFINE_GUID(ItemGuid") == false) << H;
  EXPECT_TRUE(contains(H, "DEFINE_GUID(Item_GUID, 0x0006a660,0x8f12,0x11d2,0xb8,0x54,")) << H;
  // WmiDataId order, not declaration order; the key is not data.
  EXPECT_TRUE(contains(H, "    BOOLEAN Enabled;\n    #define Item_Enabled_SIZE sizeof(BOOLEAN)\n"
                          "    #define Item_Enabled_ID 1\n    ULONG Count;")) << H;
  EXPECT_FALSE(contains(H, "InstanceName")) << H;
  EXPECT_TRUE(contains(H, "    WCHAR Id[8];\n")) << H;
  EXPECT_TRUE(contains(H, "} Item, *PItem;\n#define Item_SIZE (FIELD_OFFSET(Item, Id) + Item_Id_SIZE)")) << H;
  // A string ends the fixed data; what follows has an id only.
  EXPECT_TRUE(contains(H, "    ULONGLONG Value;")) << H;
  EXPECT_TRUE(contains(H, "    CHAR VariableData[1];\n    #define Control_Name_ID 2\n"
                          "    #define Control_After_ID 3\n}")) << H;
  EXPECT_TRUE(contains(H, "DEFINE_GUID(Control_GUID, 0xcaae7d9f,")) << H;
  EXPECT_TRUE(contains(H, "#define Reset 4\n")) << H;
  EXPECT_TRUE(contains(H, "    ULONG Mode;\n    #define Reset_IN_Mode_SIZE sizeof(ULONG)\n"
                          "    #define Reset_IN_Mode_ID 1\n    UCHAR Force;")) << H;
  EXPECT_TRUE(contains(H, "    ULONG Old;\n    #define Reset_OUT_Old_SIZE sizeof(ULONG)\n"
                          "    #define Reset_OUT_Old_ID 3\n} Reset_OUT, *PReset_OUT;")) << H;
  // An embedded class in a WmiSizeIs array: T Name[1], then ids only.
  EXPECT_TRUE(contains(H, "    Item Items[1];\n")) << H;
  EXPECT_TRUE(contains(H, "    #define List_Trailer_ID 3\n}")) << H;
  EXPECT_FALSE(contains(H, "ULONG Trailer")) << H;
}

TEST(GeneratedHeaders, WmiMofThatDoesNotParseGivesNothingWrong) {
  for (const char *Bad : {"class", "class X {", "[guid(\"{1-2}\")] class Y { [WmiDataId(1)] uint32 A; };",
                          "class Z { [WmiDataId(1)] uint32 ; [WmiDataId(x)] uint32 B; void M([in] uint32 P",
                          "[", "/* unterminated", "\"unterminated", "class W { [WmiDataId(1)] uint32 A[0x"}) {
    std::string H = wmiMofHeader(Bad);
    EXPECT_FALSE(contains(H, "DEFINE_GUID")) << Bad << "\n" << H;
    EXPECT_FALSE(contains(H, " ;")) << Bad << "\n" << H;
  }
  EXPECT_TRUE(contains(wmiMofHeader("class Y { [WmiDataId(1)] uint32 A; };"), "    ULONG A;\n"));
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
  std::string Tmh = generatedHeaderStandIn("drv.tmh", {"TraceEvents"}, "");
  EXPECT_TRUE(contains(Tmh, "#define TraceEvents(...) ((void)0)\n")) << Tmh;
  EXPECT_TRUE(contains(Tmh, "#define DoTraceMessage(...) ((void)0)\n")) << Tmh;
  EXPECT_TRUE(contains(Tmh, "#define WPP_CB ((void *)0)\n")) << Tmh;
  fs::remove_all(Dir);
}

} // namespace
} // namespace vmbcheck
