/*
 * VMB002 negative: the size is written under `if (context->Pending)` and the
 * "nothing to save" exit under `if (!context->Pending)`. A path that skips
 * the first write must take the second branch, which writes 0 before it
 * returns; the path skipping both writes is infeasible (the field is not
 * modified in between). Only a path-insensitive analysis would report here.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Remaining;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Pending;
    ULONG RequestId;
    ULONG Remaining;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspNvmeSavePacket;

_Use_decl_annotations_
NTSTATUS
VspNvmeSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    if (context->Pending) {
        *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    }

    if (!context->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->RequestId = context->RequestId;
    saved->Remaining = context->Remaining;
    return STATUS_SUCCESS;
}
