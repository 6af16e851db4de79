/*
 * No finding: VspQueueLock / VspQueueUnlock have no body here; their
 * annotations say the first raises to DISPATCH_LEVEL and returns the old
 * IRQL, the second restores the IRQL passed to it. They are paired on
 * every path, and ZwWriteFile runs after the unlock at PASSIVE_LEVEL.
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
    HANDLE LogFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    ULONG count;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    oldIrql = VspQueueLock(context->Queue);
    count = context->Queue->Count;
    if (count == 0) {
        VspQueueUnlock(context->Queue, oldIrql);
        return STATUS_SUCCESS;
    }
    VspQueueUnlock(context->Queue, oldIrql);
    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &count, sizeof(count), NULL, NULL);
    return STATUS_SUCCESS;
}
