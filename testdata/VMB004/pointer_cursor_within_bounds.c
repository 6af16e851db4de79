/*
 * VMB004 negative: serialization through a byte cursor with pointer
 * arithmetic. The callback asks for and checks 3 * sizeof(ULONG) == 12 bytes
 * and the cursor writes exactly three ULONGs at offsets 0, 4 and 8. No
 * finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PUCHAR cursor = (PUCHAR)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 3 * sizeof(ULONG);
    if (SaveBufSize < 3 * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *(PULONG)cursor = context->RequestId;
    cursor += sizeof(ULONG);
    *(PULONG)cursor = context->Flags;
    cursor += sizeof(ULONG);
    *(PULONG)cursor = context->Sequence;
    return STATUS_SUCCESS;
}
