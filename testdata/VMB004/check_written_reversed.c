/*
 * VMB004 negative: the size check is written the other way round,
 * `sizeof(VSP_SAVED_PACKET) > SaveBufSize`, which is the same condition as
 * `SaveBufSize < sizeof(VSP_SAVED_PACKET)`. Every write after it ends at or
 * before offset 12. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
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
    if (sizeof(VSP_SAVED_PACKET) > SaveBufSize) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Version = 1;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    return STATUS_SUCCESS;
}
