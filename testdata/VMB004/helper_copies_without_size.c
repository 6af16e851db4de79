/*
 * VMB004 positive: the serialization helper receives SaveBuf but not its
 * size, and copies the full 24-byte state. The callback only rejects an empty
 * buffer, so SaveBufSize may be 1 when the helper runs. The finding belongs
 * at the write inside the helper (its body is in this file). Succeeding after
 * asking for 24 bytes with a 1-byte buffer is VMB003 at the success return.
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
    RtlCopyMemory(Destination, &Context->State, sizeof(Context->State)); // expect: VMB004 {{writes 24 bytes at offset 0}}
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize == 0) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    VspSerializeState(SaveBuf, context);
    return STATUS_SUCCESS; // expect: VMB003
}
