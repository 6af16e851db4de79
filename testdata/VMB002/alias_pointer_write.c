/*
 * VMB002 negative: the callback never names *BytesNeeded in a store; it
 * writes through a local alias (`PUINT32 out = BytesNeeded;`), on every
 * path: 0 for a packet without state, the size otherwise (before the buffer
 * check). A store through the alias is a store to *BytesNeeded.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG Sequence;
    ULONG Status;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN HasState;
    VSP_SAVED_PACKET State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspShutdownSavePacket;

_Use_decl_annotations_
NTSTATUS
VspShutdownSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PUINT32 out = BytesNeeded;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL || !context->HasState) {
        *out = 0;
        return STATUS_SUCCESS;
    }

    *out = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_PACKET));
    return STATUS_SUCCESS;
}
