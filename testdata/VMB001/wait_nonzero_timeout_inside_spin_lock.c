/*
 * VMB001 (a), _When_ decided by the argument: KeWaitForSingleObject with a
 * non-zero timeout (here -10 ms, relative) requires IRQL <= APC_LEVEL. It
 * is called under the spin lock, at DISPATCH_LEVEL. The timeout value is a
 * local constant, so the condition is decided on the path.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    LARGE_INTEGER timeout;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    timeout.QuadPart = -10 * 1000 * 10;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, &timeout); // expect: VMB001 {{'KeWaitForSingleObject' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
