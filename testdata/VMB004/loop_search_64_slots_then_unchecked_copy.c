/*
 * VMB004 positive: a search over the context's 64 slots (a loop with a
 * branch in its body, which the engine cannot simply unroll) comes before the
 * bug. When no slot is in use the callback also saves the payload, but the
 * size it asked for and checked covers only the header: the copy writes 32
 * bytes at offset 8. The finding needs the path on which the loop runs all 64
 * iterations without a match, i.e. the code after the loop analysed within
 * the default budget.
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
    ULONG Value;
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
    ULONG found = VSP_SLOT_COUNT;

    UNREFERENCED_PARAMETER(Channel);

    for (i = 0; i < VSP_SLOT_COUNT; i++) {
        if (context->Slots[i].InUse) {
            found = i;
            break;
        }
    }

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Payload);
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Payload)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Slot = found;
    saved->Value = found < VSP_SLOT_COUNT ? context->Slots[found].Value : 0;
    if (found == VSP_SLOT_COUNT) {
        RtlCopyMemory(saved->Payload, context->Payload, sizeof(context->Payload)); // expect: VMB004 {{writes 32 bytes at offset 8}}
    }
    return STATUS_SUCCESS;
}
