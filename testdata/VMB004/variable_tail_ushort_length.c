/*
 * VMB004 negative: header plus variable-length tail, checked together. The
 * length is a USHORT, so FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length is at
 * most 65543 and cannot wrap; after `SaveBufSize < needed` fails, the header
 * stores and the copy of `length` bytes to offset 8 all end within needed.
 * The one-element Data array is the usual variable-length idiom; the bound
 * is SaveBufSize, not the declared array size. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    USHORT DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    USHORT DataLength;
    USHORT Reserved;
    UCHAR Data[ANYSIZE_ARRAY];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    USHORT length = context->DataLength;
    ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId;
    saved->DataLength = length;
    saved->Reserved = 0;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
