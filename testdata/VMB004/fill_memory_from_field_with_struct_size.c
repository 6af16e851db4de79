/*
 * VMB004 positive: RtlFillMemory marks the unused slots with 0xFF but passes
 * sizeof(*saved) (32) instead of sizeof(saved->Slots) (24) while starting at
 * the Slots field (offset 8): 32 bytes at offset 8 end at 40, past a buffer
 * that may hold exactly the 32 bytes that were asked for and checked.
 * *BytesNeeded equals the checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG SlotCount;
    UCHAR Slots[24];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG SlotCount;
    UCHAR Slots[24];
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

    saved->Version = 1;
    saved->SlotCount = context->SlotCount;
    RtlFillMemory(saved->Slots, sizeof(*saved), 0xFF); // expect: VMB004 {{writes 32 bytes at offset 8}}
    return STATUS_SUCCESS;
}
