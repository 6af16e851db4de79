/*
 * No finding: the size check is written by subtraction, guarded so it
 * cannot wrap: SaveBufSize < 8 || SaveBufSize - 8 < Length. That is exactly
 * SaveBufSize < n for n = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + Length
 * (USHORT, no wrap), which is what *BytesNeeded reports. So "too small" only
 * with n > SaveBufSize and success only with n <= SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Length;
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
    USHORT length = context->Length;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Data) ||
        SaveBufSize - FIELD_OFFSET(VSP_SAVED_PACKET, Data) < length) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Length = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
