/*
 * VMB002 positive: a 64-slot search; when no slot holds the packet the
 * callback fails with STATUS_NOT_FOUND before it writes *BytesNeeded. The
 * return is reached only after all 64 iterations found nothing, so the code
 * after the loop must be analysed on that path.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SLOT_COUNT 64

typedef struct _VSP_SLOT {
    VMBPACKET Packet;
    ULONG Sequence;
} VSP_SLOT;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SLOT Slots[VSP_SLOT_COUNT];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG i;
    ULONG found = VSP_SLOT_COUNT;

    UNREFERENCED_PARAMETER(Channel);

    for (i = 0; i < VSP_SLOT_COUNT; i++) {
        if (context->Slots[i].Packet == Packet) {
            found = i;
            break;
        }
    }
    if (found == VSP_SLOT_COUNT) {
        return STATUS_NOT_FOUND; // expect: VMB002
    }

    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = context->Slots[found].Sequence;
    return STATUS_SUCCESS;
}
