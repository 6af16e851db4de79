/*
 * VMB001 (b): an in-stack queued spin lock raises to DISPATCH_LEVEL and
 * keeps the previous IRQL in the lock handle. The "closed" exit returns
 * without KeReleaseInStackQueuedSpinLock, so the callback returns at
 * DISPATCH_LEVEL; the other path releases it before returning.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK QueueLock;
    BOOLEAN Closed;
    ULONG Depth;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KLOCK_QUEUE_HANDLE lockHandle;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireInStackQueuedSpinLock(&context->QueueLock, &lockHandle);
    if (context->Closed) {
        return STATUS_INVALID_DEVICE_STATE; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    context->Depth = 0;
    KeReleaseInStackQueuedSpinLock(&lockHandle);
    return STATUS_SUCCESS;
}
