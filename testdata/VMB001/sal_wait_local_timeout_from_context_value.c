/*
 * VMB001 (a), positive: the timeout is a local LARGE_INTEGER, so the
 * pointer is known not to be NULL, but its QuadPart is copied from the
 * context and may be non-zero (a real wait). The analysis cannot decide
 * `Timeout->QuadPart==0`, so it keeps the strictest requirement of
 * KeWaitForSingleObject (APC_LEVEL); the call is under a spin lock.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
    LONGLONG DrainTimeout100ns;
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
    timeout.QuadPart = -context->DrainTimeout100ns;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, &timeout); // expect: VMB001 {{requires IRQL <= APC_LEVEL when (Timeout==NULL || Timeout->QuadPart!=0), which this path does not rule out}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
