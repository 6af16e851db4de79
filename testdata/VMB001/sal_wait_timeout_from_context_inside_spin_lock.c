/*
 * VMB001 (a), positive: the _When_ conditions of KeWaitForSingleObject
 * (`Timeout==NULL || Timeout->QuadPart!=0` -> APC_LEVEL,
 * `Timeout!=NULL && Timeout->QuadPart==0` -> DISPATCH_LEVEL) cannot be
 * decided here: the timeout is a pointer kept in the packet context, and
 * nothing on the path says what it points to. An undecided condition must
 * not switch the check off: the strict requirement (APC_LEVEL) applies, and
 * the wait happens under a spin lock at DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
    PLARGE_INTEGER DrainTimeout;
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
    KeAcquireSpinLock(&context->Lock, &oldIrql); // expect-note: VMB001 {{IRQL raised to DISPATCH_LEVEL by 'KeAcquireSpinLock'}}
    KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, context->DrainTimeout); // expect: VMB001 {{'KeWaitForSingleObject' requires IRQL <= APC_LEVEL when (Timeout==NULL || Timeout->QuadPart!=0), which this path does not rule out, but the IRQL is DISPATCH_LEVEL}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
