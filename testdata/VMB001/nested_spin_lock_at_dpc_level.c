/*
 * No finding: the outer lock is taken with KeAcquireSpinLock (raising to
 * DISPATCH_LEVEL); the inner one with KeAcquireSpinLockAtDpcLevel, which
 * requires IRQL >= DISPATCH_LEVEL - satisfied here. The inner lock is
 * released with KeReleaseSpinLockFromDpcLevel (still at DISPATCH_LEVEL),
 * then the outer lock restores PASSIVE_LEVEL before the return.
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
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&channel->Lock, &oldIrql);
    KeAcquireSpinLockAtDpcLevel(&context->Lock);
    context->Generation = channel->Outstanding;
    KeReleaseSpinLockFromDpcLevel(&context->Lock);
    KeReleaseSpinLock(&channel->Lock, oldIrql);
    return STATUS_SUCCESS;
}
