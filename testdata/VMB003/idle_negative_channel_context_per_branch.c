/*
 * No finding (idle packets): whether a channel saves packet state at all is
 * a setting of the channel's context, which each branch fetches itself with
 * VmbChannelGetPointer(Channel). On a channel that does not save, the empty
 * call is answered with *BytesNeeded = 0 and STATUS_SUCCESS and, with a
 * buffer, nothing is written; on a channel that saves, the empty call fails
 * with the size. Both calls return the same channel context, so no packet
 * answers 0 on the empty call and has its state written with a buffer.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_CHANNEL_CONTEXT {
    BOOLEAN SaveEnabled;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT channel;
    PVSP_PACKET_CONTEXT ctx;

    if (SaveBufSize == 0) {
        channel = (PVSP_CHANNEL_CONTEXT)VmbChannelGetPointer(Channel);
        if (!channel->SaveEnabled) {
            *BytesNeeded = 0;
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        return STATUS_BUFFER_TOO_SMALL;
    }

    channel = (PVSP_CHANNEL_CONTEXT)VmbChannelGetPointer(Channel);
    if (!channel->SaveEnabled) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    ctx = VmbPacketGetPointer(Packet);
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &ctx->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
