/*
 * VMB004 positive: the needed size is kept in a USHORT (the width of the
 * on-disk length field), but the context's length is a ULONG. For
 * length >= 0x10000 - 8 the sum 8 + length is truncated to a small value,
 * `SaveBufSize < needed` passes with a small buffer, and the copy of
 * `length` bytes to offset 8 (at least 65528 bytes) runs past it. The
 * header stores come after the copy, so the copy is the first out-of-bounds
 * write. *BytesNeeded is the (truncated) value that was checked, so VMB003
 * is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    USHORT TotalLength;
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
    ULONG length = context->DataLength;
    USHORT needed = (USHORT)(FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(saved->Data, context->Data, length); // expect: VMB004 {{at offset 8}}
    saved->RequestId = context->RequestId;
    saved->TotalLength = needed;
    saved->Reserved = 0;
    return STATUS_SUCCESS;
}
