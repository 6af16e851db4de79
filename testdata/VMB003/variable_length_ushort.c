/*
 * No finding: variable-length state. n = FIELD_OFFSET(VSP_SAVED_PACKET, Data)
 * + ctx->Length, where Length is a USHORT, so n <= 8 + 65535 cannot wrap.
 * *BytesNeeded = n, the check fails with STATUS_BUFFER_TOO_SMALL exactly when
 * n > SaveBufSize, and the header and data copy (n bytes in total) happen
 * only after it.
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
    UINT32 n;

    UNREFERENCED_PARAMETER(Channel);

    n = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + context->Length;
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Length = context->Length;
    saved->Reserved = 0;
    RtlCopyMemory(saved->Data, context->Data, context->Length);
    return STATUS_SUCCESS;
}
