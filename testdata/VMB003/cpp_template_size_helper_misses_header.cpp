/*
 * VMB003 (a) positive (C++): the saved record is a header followed by the
 * state. A constexpr template helper computes the size to report, header
 * included, but the check compares SaveBufSize with the state alone: a
 * buffer between the two sizes gets STATUS_SUCCESS with less room than the
 * size just reported, so the header never reaches the saved data.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_RECORD_HEADER {
    ULONG Version;
    ULONG Length;
};

struct VSP_DISK_STATE {
    ULONG64 Lba;
    ULONG Sectors;
    ULONG Flags;
};

template <typename STATE>
constexpr UINT32
VspRecordSize()
{
    return static_cast<UINT32>(sizeof(VSP_RECORD_HEADER) + sizeof(STATE));
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSaveDisk;

_Use_decl_annotations_
NTSTATUS
VspSaveDisk(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *state = static_cast<const VSP_DISK_STATE *>(VmbPacketGetPointer(Packet));

    *BytesNeeded = VspRecordSize<VSP_DISK_STATE>(); // expect-note: VMB003 {{set to 24}}
    if (SaveBufSize < sizeof(VSP_DISK_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_DISK_STATE));
    return STATUS_SUCCESS; // expect: VMB003
}
