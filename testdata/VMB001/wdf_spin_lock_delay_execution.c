/*
 * VMB001 (a): WdfSpinLockAcquire raises to DISPATCH_LEVEL (annotated
 * _IRQL_raises_ on the KMDF wrapper). Backing off with
 * KeDelayExecutionThread (IRQL <= APC_LEVEL) while holding it is a finding.
 * WdfSpinLockRelease restores the IRQL before the return.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <wdf.h>

typedef struct _VSP_PACKET_CONTEXT {
    WDFSPINLOCK Lock;
    BOOLEAN Busy;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    LARGE_INTEGER interval;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    interval.QuadPart = -10000;
    WdfSpinLockAcquire(context->Lock);
    if (context->Busy) {
        KeDelayExecutionThread(KernelMode, FALSE, &interval); // expect: VMB001 {{'KeDelayExecutionThread' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    }
    WdfSpinLockRelease(context->Lock);
    return STATUS_SUCCESS;
}
