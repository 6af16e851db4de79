/*
 * No finding, _When_ decided by the argument: ExAllocatePool2 with
 * POOL_FLAG_NON_PAGED (plus POOL_FLAG_UNINITIALIZED, which does not make it
 * paged) is allowed at DISPATCH_LEVEL, so allocating under the spin lock is
 * correct; ExFreePoolWithTag is also fine there. The lock is released on
 * both paths.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PVOID Scratch;
    BOOLEAN Discard;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVOID scratch;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED, 256, VSP_POOL_TAG);
    if (scratch == NULL) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (context->Discard) {
        ExFreePoolWithTag(scratch, VSP_POOL_TAG);
    } else {
        context->Scratch = scratch;
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
