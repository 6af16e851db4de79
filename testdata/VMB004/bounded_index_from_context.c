/*
 * VMB004 negative: the slot index comes from the context but is rejected
 * unless it is below VSP_SLOT_COUNT (the rejection is not a "too small"
 * status), so the store into Slots[] ends at most at offset 36 ==
 * sizeof(VSP_SAVED_PACKET), which the size check guarantees. No finding.
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
    ULONG slot = context->ActiveSlot;

    UNREFERENCED_PARAMETER(Channel);

    if (slot >= VSP_SLOT_COUNT) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->SlotCount = VSP_SLOT_COUNT;
    RtlZeroMemory(saved->Slots, sizeof(saved->Slots));
    saved->Slots[slot] = context->Value;
    return STATUS_SUCCESS;
}
