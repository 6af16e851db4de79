/*
 * VMB004 positive: size query and check use the valid length of the data
 * (FIELD_OFFSET + ValidLength, a USHORT, so no wrap), but the copy uses the
 * capacity of the context's array, sizeof(context->Data) == 64 bytes. With
 * ValidLength == 0 the buffer may hold only 4 bytes and the copy writes 64
 * bytes at offset 4. *BytesNeeded equals the checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    USHORT ValidLength;
    UCHAR Data[64];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG ValidLength;
    UCHAR Data[64];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    USHORT validLength = context->ValidLength;
    ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + validLength;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->ValidLength = validLength;
    RtlCopyMemory(saved->Data, context->Data, sizeof(context->Data)); // expect: VMB004 {{writes 64 bytes at offset 4}}
    return STATUS_SUCCESS;
}
