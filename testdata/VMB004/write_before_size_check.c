/*
 * VMB004 positive: the version tag is stored before the size check. On the
 * first call (SaveBufSize == 0, SaveBuf possibly NULL) that store runs before
 * the callback fails with STATUS_BUFFER_TOO_SMALL. The remaining writes come
 * after a correct check and fit; the success return is correct, so VMB003 is
 * silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SAVED_VERSION 3

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
    saved->Version = VSP_SAVED_VERSION; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    return STATUS_SUCCESS;
}
