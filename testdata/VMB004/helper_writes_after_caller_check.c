/*
 * VMB004 negative: the callback checks SaveBufSize against the full 24-byte
 * state, then a helper (body in this file) that does not know the size copies
 * exactly those 24 bytes. The helper's write is bounded by the caller's
 * check. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG Version;
    ULONG RequestId;
    ULONG64 Offset;
    ULONG64 Length;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspSerializeState(PVOID Destination, const VSP_PACKET_CONTEXT *Context)
{
    RtlCopyMemory(Destination, &Context->State, sizeof(Context->State));
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    VspSerializeState(SaveBuf, context);
    return STATUS_SUCCESS;
}
