/*
 * VMB004 positive: the buffer is checked against the whole structure (36
 * bytes), but the active slot index comes from the context unbounded; for
 * ActiveSlot >= 8 the 4-byte store into Slots[] lands at offset 36 or beyond.
 * The earlier stores fit. *BytesNeeded equals the checked size, so VMB003 is
 * silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SLOT_COUNT 8

typedef struct _VSP_PACKET_CONTEXT {
    ULONG ActiveSlot;
    ULONG Value;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG SlotCount;
    ULONG Slots[VSP_SLOT_COUNT];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->SlotCount = VSP_SLOT_COUNT;
    RtlZeroMemory(saved->Slots, sizeof(saved->Slots));
    saved->Slots[context->ActiveSlot] = context->Value; // expect: VMB004 {{writes 4 bytes}}
    return STATUS_SUCCESS;
}
