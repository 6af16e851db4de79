/*
 * VMB002 positive: the callback switches on the packet type. Read and write
 * requests carry state and write *BytesNeeded; unknown types write 0 and
 * fail; but the flush case, which has no state, returns STATUS_SUCCESS
 * without writing *BytesNeeded (it should write 0). Only that return is a
 * finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_PACKET_TYPE {
    VspPacketRead = 1,
    VspPacketWrite = 2,
    VspPacketFlush = 3,
} VSP_PACKET_TYPE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_PACKET_TYPE Type;
    ULONG RequestId;
    ULONG64 Lba;
    ULONG BlockCount;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_IO {
    ULONG Type;
    ULONG RequestId;
    ULONG64 Lba;
    ULONG BlockCount;
} VSP_SAVED_IO, *PVSP_SAVED_IO;

EVT_VMB_CHANNEL_SAVE_PACKET VspDiskSavePacket;

_Use_decl_annotations_
NTSTATUS
VspDiskSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_IO saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    switch (context->Type) {
    case VspPacketRead:
    case VspPacketWrite:
        *BytesNeeded = sizeof(VSP_SAVED_IO);
        if (SaveBufSize < sizeof(VSP_SAVED_IO)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved = (PVSP_SAVED_IO)SaveBuf;
        saved->Type = (ULONG)context->Type;
        saved->RequestId = context->RequestId;
        saved->Lba = context->Lba;
        saved->BlockCount = context->BlockCount;
        return STATUS_SUCCESS;

    case VspPacketFlush:
        /* A flush is simply reissued after restore. */
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}

    default:
        *BytesNeeded = 0;
        return STATUS_NOT_SUPPORTED;
    }
}
