/*
 * No finding, _When_ decided by the argument: ExAllocatePoolWithTag with
 * NonPagedPoolNx (PoolType != PagedPool) is allowed at DISPATCH_LEVEL, so
 * allocating under the spin lock is correct. The lock is released on both
 * paths.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PVOID History;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVOID history;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    history = ExAllocatePoolWithTag(NonPagedPoolNx, 128, VSP_POOL_TAG);
    if (history == NULL) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    context->History = history;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
