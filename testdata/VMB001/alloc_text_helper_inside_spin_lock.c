/*
 * VMB001 (a), pageable helper: VspRecordSave is placed in the PAGE section
 * with #pragma alloc_text (after its declaration, as the pragma requires),
 * so it may be paged out and requires IRQL <= APC_LEVEL. The callback calls
 * it while holding the spin lock (DISPATCH_LEVEL). The helper's own body
 * does nothing IRQL-restricted, so the call is the only finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG SaveCount;
    ULONG LastRequestId;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VOID VspRecordSave(PVSP_PACKET_CONTEXT Context);
#pragma alloc_text(PAGE, VspRecordSave)

VOID
VspRecordSave(PVSP_PACKET_CONTEXT Context)
{
    Context->SaveCount++;
    Context->LastRequestId = Context->RequestId;
}

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
    VspRecordSave(context); // expect: VMB001 {{'VspRecordSave' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
