/*
 * No finding: two spin locks taken with KeAcquireSpinLock, each with its
 * own saved IRQL (PASSIVE_LEVEL for the outer, DISPATCH_LEVEL for the
 * inner), released in reverse order with the matching variable. The IRQL
 * is DISPATCH_LEVEL at the inner release and back to PASSIVE_LEVEL after
 * the outer one.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Outstanding;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Generation;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT channel = VmbChannelGetPointer(Channel);
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KIRQL channelIrql;
    KIRQL packetIrql;

    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&channel->Lock, &channelIrql);
    KeAcquireSpinLock(&context->Lock, &packetIrql);
    context->Generation = channel->Outstanding;
    KeReleaseSpinLock(&context->Lock, packetIrql);
    KeReleaseSpinLock(&channel->Lock, channelIrql);
    return STATUS_SUCCESS;
}
