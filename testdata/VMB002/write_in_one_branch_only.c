/*
 * VMB002 positive: the size is computed in both branches of an if/else, but
 * only the payload branch also stores it to *BytesNeeded; the header-only
 * branch keeps it in the local `needed`. On the header-only path both later
 * returns (the "too small" failure and the success) leave *BytesNeeded
 * unwritten, so both are findings. On the payload path everything is
 * written and bounded.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_FLAG_HAS_PAYLOAD 0x4

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    ULONG TransactionId;
    USHORT PayloadLength;
    UCHAR Payload[512];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG TransactionId;
    ULONG PayloadLength;
    UCHAR Payload[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspInputSavePacket;

_Use_decl_annotations_
NTSTATUS
VspInputSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    BOOLEAN hasPayload;
    UINT32 payloadLength;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    hasPayload = (context->Flags & VSP_FLAG_HAS_PAYLOAD) != 0;
    if (hasPayload) {
        payloadLength = context->PayloadLength;
        needed = FIELD_OFFSET(VSP_SAVED_PACKET, Payload) + payloadLength;
        *BytesNeeded = needed;
    } else {
        payloadLength = 0;
        needed = FIELD_OFFSET(VSP_SAVED_PACKET, Payload);
    }

    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->TransactionId = context->TransactionId;
    saved->PayloadLength = payloadLength;
    if (hasPayload) {
        RtlCopyMemory(saved->Payload, context->Payload, payloadLength);
    }
    return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
}
