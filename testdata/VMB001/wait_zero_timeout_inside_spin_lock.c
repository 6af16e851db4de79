/*
 * No finding, _When_ decided by the argument: KeWaitForSingleObject with a
 * zero timeout only polls the object and is allowed at DISPATCH_LEVEL, so
 * calling it under the spin lock is correct. The timeout is a local set to
 * 0 right before the call, so the condition is decided on the path.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Completed;
    BOOLEAN Done;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    LARGE_INTEGER zero;
    NTSTATUS waitStatus;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    zero.QuadPart = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    waitStatus = KeWaitForSingleObject(&context->Completed, Executive, KernelMode, FALSE, &zero);
    context->Done = (waitStatus == STATUS_SUCCESS);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
