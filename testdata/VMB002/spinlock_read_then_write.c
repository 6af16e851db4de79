/*
 * VMB002 negative: the packet's state is read under the channel spin lock.
 * The "no state" exit releases the lock and writes 0; the main path copies
 * the variable-length state into a local under the lock, releases it on
 * every path, and then writes the size (header + length) before checking
 * SaveBufSize and copying. Every return is preceded by a write.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_DATA 48

typedef struct _VSP_CHANNEL_CONTEXT {
    KSPIN_LOCK StateLock;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Active;
    UCHAR DataLength;
    UCHAR Data[VSP_MAX_DATA];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG DataLength;
    UCHAR Data[VSP_MAX_DATA];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspMouseSavePacket;

_Use_decl_annotations_
NTSTATUS
VspMouseSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT channelContext = VmbChannelGetPointer(Channel);
    PVSP_PACKET_CONTEXT packetContext = VmbPacketGetPointer(Packet);
    VSP_SAVED_PACKET snapshot;
    PVSP_SAVED_PACKET saved;
    KIRQL oldIrql;
    UINT32 needed;

    if (channelContext == NULL || packetContext == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    KeAcquireSpinLock(&channelContext->StateLock, &oldIrql);
    if (!packetContext->Active) {
        KeReleaseSpinLock(&channelContext->StateLock, oldIrql);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    snapshot.DataLength = min(packetContext->DataLength, VSP_MAX_DATA);
    RtlCopyMemory(snapshot.Data, packetContext->Data, snapshot.DataLength);
    KeReleaseSpinLock(&channelContext->StateLock, oldIrql);

    needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + snapshot.DataLength;
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->DataLength = snapshot.DataLength;
    RtlCopyMemory(saved->Data, snapshot.Data, snapshot.DataLength);
    return STATUS_SUCCESS;
}
