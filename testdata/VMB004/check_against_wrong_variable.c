/*
 * VMB004 positive: the size check compares the wrong variable. The callback
 * keeps `needed` and `available` side by side and tests `needed` against the
 * structure size (always false) instead of `available`, so SaveBufSize is
 * never constrained and the copy runs on the first call with an empty, maybe
 * NULL buffer. The failure return is dead code (no VMB003 there); the success
 * return reports 16 bytes with a buffer that may be empty (VMB003).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG Version;
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    UINT32 needed = sizeof(VSP_SAVED_STATE);
    UINT32 available = SaveBufSize;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(available);

    *BytesNeeded = needed;
    if (needed < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE)); // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    return STATUS_SUCCESS; // expect: VMB003
}
