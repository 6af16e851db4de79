/*
 * VMB002 positive: the callback reads the packet state under the channel's
 * spin lock. When the packet turns out to be idle it releases the lock
 * (so VMB001 is satisfied) and returns STATUS_SUCCESS, but never writes
 * *BytesNeeded on that path. The active path copies the state to a local
 * under the lock, releases it, and then writes the size before using
 * SaveBuf.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_PACKET_STATE {
    VspPacketIdle = 0,
    VspPacketActive = 1,
} VSP_PACKET_STATE;

typedef struct _VSP_SAVED_PACKET {
    ULONG Sequence;
    ULONG Credits;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_CHANNEL_CONTEXT {
    KSPIN_LOCK Lock;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_PACKET_STATE State;
    VSP_SAVED_PACKET Saved;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspBalloonSavePacket;

_Use_decl_annotations_
NTSTATUS
VspBalloonSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT channelContext = VmbChannelGetPointer(Channel);
    PVSP_PACKET_CONTEXT packetContext = VmbPacketGetPointer(Packet);
    VSP_SAVED_PACKET snapshot;
    KIRQL oldIrql;

    if (channelContext == NULL || packetContext == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    KeAcquireSpinLock(&channelContext->Lock, &oldIrql);
    if (packetContext->State == VspPacketIdle) {
        KeReleaseSpinLock(&channelContext->Lock, oldIrql);
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }
    snapshot = packetContext->Saved;
    KeReleaseSpinLock(&channelContext->Lock, oldIrql);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_PACKET));
    return STATUS_SUCCESS;
}
