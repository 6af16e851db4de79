/*
 * VMB002 negative (C, loops): a 64-entry search for the packet's slot; the
 * "not found" exit after the loop and the "found" path both write
 * *BytesNeeded. The code after the loop is reached with the default budget
 * (a checker that gave up inside the loop would say nothing either way).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SLOTS 64

typedef struct _VSP_SLOT {
    VMBPACKET Packet;
    ULONG Value;
} VSP_SLOT;

typedef struct _VSP_CHANNEL_STATE {
    VSP_SLOT Slots[VSP_SLOTS];
} VSP_CHANNEL_STATE, *PVSP_CHANNEL_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_STATE state = VmbChannelGetPointer(Channel);
    ULONG i;

    for (i = 0; i < VSP_SLOTS; i++) {
        if (state->Slots[i].Packet == Packet) {
            break;
        }
    }
    if (i == VSP_SLOTS) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = state->Slots[i].Value;
    return STATUS_SUCCESS;
}
