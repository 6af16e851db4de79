/*
 * VMB001 (a), _When_ decided by the argument: ExAllocatePool2 with
 * POOL_FLAG_PAGED requires IRQL <= APC_LEVEL (paged pool may fault). It is
 * called while the spin lock is held (DISPATCH_LEVEL). The lock is released
 * on both paths after the allocation, so there is no return finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PVOID Scratch;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (context->Scratch == NULL) {
        context->Scratch = ExAllocatePool2(POOL_FLAG_PAGED, 256, VSP_POOL_TAG); // expect: VMB001 {{'ExAllocatePool2' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
        if (context->Scratch == NULL) {
            KeReleaseSpinLock(&context->Lock, oldIrql);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
