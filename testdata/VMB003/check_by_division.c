/*
 * No finding: an array of fixed-size entries, size checked with the
 * overflow-safe division idiom SaveBufSize / sizeof(entry) < count. For
 * unsigned integers floor(S / 8) < c is equivalent to S < 8 * c, and
 * 8 * count (count is a UCHAR) is what *BytesNeeded reports. So "too small"
 * only with N > SaveBufSize, success only with N <= SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_ENTRY {
    ULONG Id;
    ULONG Value;
} VSP_SAVED_ENTRY, *PVSP_SAVED_ENTRY;

typedef struct _VSP_PACKET_CONTEXT {
    UCHAR Count;
    VSP_SAVED_ENTRY Entries[255];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    UCHAR count = context->Count;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = count * sizeof(VSP_SAVED_ENTRY);
    if (SaveBufSize / sizeof(VSP_SAVED_ENTRY) < count) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context->Entries, count * sizeof(VSP_SAVED_ENTRY));
    return STATUS_SUCCESS;
}
