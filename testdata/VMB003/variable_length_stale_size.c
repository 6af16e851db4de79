/*
 * VMB003 (b), variable-length state: *BytesNeeded reports only the fixed
 * header (FIELD_OFFSET(VSP_SAVED_PACKET, Data) = 8), but the check covers the
 * header plus ctx->Length data bytes. For Length > 0 and SaveBufSize between
 * 8 and 8 + Length - 1 the callback fails with STATUS_BUFFER_TOO_SMALL while
 * N = 8 <= SaveBufSize, so KMCL retries with the same too-small size forever
 * ("fits in"). Length is a USHORT, so the sum cannot wrap and the copy is in
 * bounds (no VMB004).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    USHORT Length;
    USHORT Reserved;
    UCHAR Data[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    USHORT Length;
    UCHAR Data[65535];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Data);
    needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + context->Length;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
    }
    saved->RequestId = context->RequestId;
    saved->Length = context->Length;
    saved->Reserved = 0;
    RtlCopyMemory(saved->Data, context->Data, context->Length);
    return STATUS_SUCCESS;
}
