/*
 * VMB004 negative: RtlSecureZeroMemory (an inline function over __stosb in
 * the headers) clears exactly sizeof(*saved) bytes, RtlFillMemory marks
 * exactly the Slots array, and RtlMoveMemory copies exactly the Tag array -
 * all after the check against the 40-byte structure. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG SlotCount;
    UCHAR Tag[8];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG SlotCount;
    UCHAR Slots[24];
    UCHAR Tag[8];
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

    RtlSecureZeroMemory(saved, sizeof(*saved));
    saved->Version = 1;
    saved->SlotCount = context->SlotCount;
    RtlFillMemory(saved->Slots, sizeof(saved->Slots), 0xFF);
    RtlMoveMemory(saved->Tag, context->Tag, sizeof(saved->Tag));
    return STATUS_SUCCESS;
}
