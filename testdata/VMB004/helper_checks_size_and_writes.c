/*
 * VMB004 negative: a helper receives the buffer together with its size,
 * reports the size it needs, fails when the buffer is smaller, and only then
 * writes. The callback forwards its parameters and returns the helper's
 * status. Every write inside the helper is preceded by the check. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    UCHAR Sense[18];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    UCHAR Sense[18];
    USHORT Reserved;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static NTSTATUS
VspWriteSavedPacket(PVOID Buffer, UINT32 BufferSize, const VSP_PACKET_CONTEXT *Context, PUINT32 Needed)
{
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)Buffer;

    *Needed = sizeof(VSP_SAVED_PACKET);
    if (BufferSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = Context->RequestId;
    RtlCopyMemory(saved->Sense, Context->Sense, sizeof(saved->Sense));
    saved->Reserved = 0;
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    return VspWriteSavedPacket(SaveBuf, SaveBufSize, context, BytesNeeded);
}
