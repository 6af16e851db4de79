/*
 * VMB001 (b), contracts from the driver's own annotations: VspQueueLock and
 * VspQueueUnlock live in another file (no body here). Their declarations
 * say VspQueueLock raises to DISPATCH_LEVEL and returns the old IRQL, and
 * VspQueueUnlock restores the IRQL passed to it. The "queue empty" path
 * returns without VspQueueUnlock, at DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_QUEUE {
    KSPIN_LOCK Lock;
    ULONG Count;
} VSP_QUEUE, *PVSP_QUEUE;

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL VspQueueLock(_Inout_ PVSP_QUEUE Queue);

_IRQL_requires_(DISPATCH_LEVEL)
VOID VspQueueUnlock(_Inout_ PVSP_QUEUE Queue, _In_ _IRQL_restores_ KIRQL OldIrql);

typedef struct _VSP_PACKET_CONTEXT {
    PVSP_QUEUE Queue;
    ULONG SavedCount;
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
    oldIrql = VspQueueLock(context->Queue);
    if (context->Queue->Count == 0) {
        return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    context->SavedCount = context->Queue->Count;
    VspQueueUnlock(context->Queue, oldIrql);
    return STATUS_SUCCESS;
}
