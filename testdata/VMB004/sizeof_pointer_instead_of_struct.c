/*
 * VMB004 positive: the size query and check use sizeof(saved), the size of
 * the pointer (8 bytes), instead of sizeof(*saved) (24 bytes). A buffer of 8
 * bytes passes and the copy writes 24 bytes at offset 0. *BytesNeeded equals
 * the checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG64 RequestId;
    ULONG64 Offset;
    ULONG64 Length;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_PACKET State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(saved);
    if (SaveBufSize < sizeof(saved)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(saved, &context->State, sizeof(*saved)); // expect: VMB004 {{writes 24 bytes at offset 0}}
    return STATUS_SUCCESS;
}
