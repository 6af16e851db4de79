/*
 * VMB004 positive: the state is serialized through a byte cursor. A third
 * field (Sequence) was added to the writer but not to the size: the callback
 * asks for and checks 8 bytes, then the cursor reaches offset 8 and stores 4
 * more bytes. The first two stores fit; the third is the finding.
 * *BytesNeeded equals the checked size, so VMB003 is silent.
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

    *BytesNeeded = 2 * sizeof(ULONG);
    if (SaveBufSize < 2 * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *(PULONG)cursor = context->RequestId;
    cursor += sizeof(ULONG);
    *(PULONG)cursor = context->Flags;
    cursor += sizeof(ULONG);
    *(PULONG)cursor = context->Sequence; // expect: VMB004 {{writes 4 bytes at offset 8}}
    return STATUS_SUCCESS;
}
