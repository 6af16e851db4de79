/*
 * VMB002 positive: the "no channel or packet context" check jumps to the
 * shared Exit block before *BytesNeeded is first written, so the single
 * `return status;` is reached with STATUS_INVALID_DEVICE_STATE and
 * *BytesNeeded unwritten. KMCL reads *BytesNeeded on failures too (it sizes
 * the next attempt from it), so this is a VMB002 finding at that return.
 * The other paths through Exit write the size before any SaveBuf access.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    ULONG Generation;
    ULONG Flags;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Status;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Generation;
    ULONG RequestId;
    ULONG Status;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspNetSavePacket;

_Use_decl_annotations_
NTSTATUS
VspNetSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    NTSTATUS status;
    PVSP_CHANNEL_CONTEXT channelContext;
    PVSP_PACKET_CONTEXT packetContext;
    PVSP_SAVED_PACKET saved;

    channelContext = VmbChannelGetPointer(Channel);
    packetContext = VmbPacketGetPointer(Packet);
    if (channelContext == NULL || packetContext == NULL) {
        status = STATUS_INVALID_DEVICE_STATE;
        goto Exit;
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Generation = channelContext->Generation;
    saved->RequestId = packetContext->RequestId;
    saved->Status = packetContext->Status;
    status = STATUS_SUCCESS;

Exit:
    return status; // expect: VMB002 {{without writing '*BytesNeeded'}}
}
