/*
 * VMB004 negative: the same 64-slot search as
 * loop_search_64_slots_then_unchecked_copy.c, but here the size asked for and
 * checked includes the payload, so the copy after the loop fits whatever the
 * search found. The slot counter also counts every busy slot (a branch that
 * does not leave the loop), which multiplies the paths through the loop.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SLOT_COUNT 64

typedef struct _VSP_SLOT {
    BOOLEAN InUse;
    ULONG Value;
} VSP_SLOT;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SLOT Slots[VSP_SLOT_COUNT];
    UCHAR Payload[32];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Slot;
    ULONG Busy;
    UCHAR Payload[32];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG i;
    ULONG busy = 0;
    ULONG found = VSP_SLOT_COUNT;

    UNREFERENCED_PARAMETER(Channel);

    for (i = 0; i < VSP_SLOT_COUNT; i++) {
        if (context->Slots[i].InUse) {
            busy++;
            if (found == VSP_SLOT_COUNT) {
                found = i;
            }
        }
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Slot = found;
    saved->Busy = busy;
    if (found == VSP_SLOT_COUNT) {
        RtlCopyMemory(saved->Payload, context->Payload, sizeof(context->Payload));
    } else {
        RtlZeroMemory(saved->Payload, sizeof(saved->Payload));
    }
    return STATUS_SUCCESS;
}
