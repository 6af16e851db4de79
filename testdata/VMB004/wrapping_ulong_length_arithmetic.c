/*
 * VMB004 positive: the needed size is computed in 32 bits from an unbounded
 * ULONG length: FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length wraps for
 * length >= 0xFFFFFFFC and yields 0..3, which passes `SaveBufSize < needed`.
 * The copy of `length` bytes to offset 4 is then far past SaveBufSize. The
 * header store comes after the copy, so the copy is the first out-of-bounds
 * write on every wrapping path (on non-wrapping paths nothing overflows).
 * *BytesNeeded is the (wrapped) value that was checked, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    ULONG DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
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
    ULONG length = context->DataLength;
    ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(saved->Data, context->Data, length); // expect: VMB004 {{at offset 4}}
    saved->DataLength = length;
    return STATUS_SUCCESS;
}
