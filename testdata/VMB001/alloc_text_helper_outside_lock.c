/*
 * No finding: VspRecordSave is pageable (#pragma alloc_text(PAGE, ...)), so
 * it needs IRQL <= APC_LEVEL - and it is called only after the spin lock
 * has been released, at PASSIVE_LEVEL. Inside the lock the callback only
 * copies a field.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG SaveCount;
    ULONG LastRequestId;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VOID VspRecordSave(PVSP_PACKET_CONTEXT Context, ULONG RequestId);
#pragma alloc_text(PAGE, VspRecordSave)

VOID
VspRecordSave(PVSP_PACKET_CONTEXT Context, ULONG RequestId)
{
    Context->SaveCount++;
    Context->LastRequestId = RequestId;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG requestId;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    requestId = context->RequestId;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    VspRecordSave(context, requestId);
    return STATUS_SUCCESS;
}
