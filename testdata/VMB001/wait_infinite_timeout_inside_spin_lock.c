/*
 * VMB001 (a), _When_ decided by the argument: KeWaitForSingleObject with a
 * NULL timeout (wait forever) requires IRQL <= APC_LEVEL; only a zero
 * timeout allows DISPATCH_LEVEL. Here it waits with Timeout == NULL while
 * the spin lock is held (DISPATCH_LEVEL).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
    ULONG Outstanding;
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
    if (context->Outstanding != 0) {
        KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, NULL); // expect: VMB001 {{'KeWaitForSingleObject' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
