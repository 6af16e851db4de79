/*
 * VMB004 positive: header + variable-length payload are counted and checked
 * (USHORT length, no wrap), but a 4-byte checksum is then stored right after
 * the payload, at byte offset 8 + length reached by pointer arithmetic. It
 * ends at 12 + length, past a buffer of exactly the checked 8 + length
 * bytes. The header stores and the payload copy fit. *BytesNeeded equals the
 * checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    USHORT DataLength;
    PUCHAR Data;
    ULONG Checksum;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG DataLength;
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
    RtlCopyMemory(saved->Data, context->Data, length);
    *(PULONG)((PUCHAR)saved->Data + length) = context->Checksum; // expect: VMB004 {{writes 4 bytes}}
    return STATUS_SUCCESS;
}
