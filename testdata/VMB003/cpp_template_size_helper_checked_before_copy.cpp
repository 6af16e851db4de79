/*
 * VMB003 negative (C++): a constexpr template helper computes the record
 * size (header + state); the same value is reported, checked against
 * SaveBufSize before anything is written, and written in full. A checker
 * that cannot evaluate the helper would not know the size is checked.
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

template <typename STATE>
void
VspWriteRecord(PVOID SaveBuf, const STATE &State)
{
    auto *header = static_cast<VSP_RECORD_HEADER *>(SaveBuf);
    header->Version = 1;
    header->Length = sizeof(STATE);
    RtlCopyMemory(header + 1, &State, sizeof(STATE));
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSaveDisk;

_Use_decl_annotations_
NTSTATUS
VspSaveDisk(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *state = static_cast<const VSP_DISK_STATE *>(VmbPacketGetPointer(Packet));
    constexpr UINT32 needed = VspRecordSize<VSP_DISK_STATE>();

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    VspWriteRecord(SaveBuf, *state);
    return STATUS_SUCCESS;
}
