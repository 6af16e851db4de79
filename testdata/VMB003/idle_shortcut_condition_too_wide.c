/*
 * VMB003 (c), positive: the empty call is short-cut only for packets that
 * have no payload (`SaveBufSize == 0 && ctx->PayloadLength == 0`), but with
 * a buffer the callback writes the packet's header for every packet, payload
 * or not. For a packet without payload the empty call succeeds with
 * *BytesNeeded = 0 while, given a buffer, the same packet has its header
 * copied into SaveBuf: that header is never saved.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_HEADER {
    ULONG RequestId;
    ULONG PayloadLength;
} VSP_SAVED_HEADER, *PVSP_SAVED_HEADER;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG PayloadLength;
    UCHAR Payload[64];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED_HEADER header;
    ULONG payload;

    UNREFERENCED_PARAMETER(Channel);

    payload = ctx->PayloadLength;
    if (payload > sizeof(ctx->Payload)) {
        payload = sizeof(ctx->Payload);
    }
    if (SaveBufSize == 0 && payload == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_HEADER) + payload;
    if (SaveBufSize < sizeof(VSP_SAVED_HEADER) + payload) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    header = (PVSP_SAVED_HEADER)SaveBuf;
    header->RequestId = ctx->RequestId; // expect-note: VMB003 {{state is written to the save buffer}}
    header->PayloadLength = payload;
    RtlCopyMemory(header + 1, ctx->Payload, payload);
    return STATUS_SUCCESS;
}
