/*
 * VMB004 negative: the writes sit inside `if (SaveBufSize >= needed)` and the
 * else branch fails with STATUS_BUFFER_TOO_SMALL; a single return at the end.
 * Inside the block the buffer holds at least the 16 bytes written. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG64 Offset;
    ULONG Length;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG64 Offset;
    ULONG Length;
    ULONG Reserved;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    UINT32 needed = sizeof(VSP_SAVED_PACKET);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize >= needed) {
        PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
        saved->Offset = context->Offset;
        saved->Length = context->Length;
        saved->Reserved = 0;
        status = STATUS_SUCCESS;
    } else {
        status = STATUS_BUFFER_TOO_SMALL;
    }
    return status;
}
