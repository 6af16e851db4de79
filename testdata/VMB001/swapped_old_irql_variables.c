/*
 * VMB001 (a) and (b): two nested spin locks whose saved IRQLs are swapped
 * on release. channelIrql holds PASSIVE_LEVEL and packetIrql
 * DISPATCH_LEVEL. Releasing the inner lock with channelIrql drops to
 * PASSIVE_LEVEL while the outer lock is still held; the outer
 * KeReleaseSpinLock (requires DISPATCH_LEVEL) then runs at PASSIVE_LEVEL,
 * and restores packetIrql = DISPATCH_LEVEL, so the callback returns at
 * DISPATCH_LEVEL.
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
    KeReleaseSpinLock(&context->Lock, channelIrql);
    KeReleaseSpinLock(&channel->Lock, packetIrql); // expect: VMB001 {{'KeReleaseSpinLock' requires IRQL = DISPATCH_LEVEL but the IRQL is PASSIVE_LEVEL}}
    return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
}
