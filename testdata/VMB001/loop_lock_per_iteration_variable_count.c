/*
 * VMB001 negative: a loop over a variable number of entries (the count comes
 * from the context) takes and releases each entry's spin lock in every
 * iteration, also on the "skip idle entries" path, which releases before it
 * continues. Whatever the count, the callback returns at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_ENTRY {
    KSPIN_LOCK Lock;
    BOOLEAN Idle;
    ULONG Pending;
} VSP_ENTRY, *PVSP_ENTRY;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG EntryCount;
    VSP_ENTRY Entries[128];
    ULONG TotalPending;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KIRQL oldIrql;
    ULONG i;
    ULONG total = 0;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    for (i = 0; i < context->EntryCount && i < 128; i++) {
        KeAcquireSpinLock(&context->Entries[i].Lock, &oldIrql);
        if (context->Entries[i].Idle) {
            KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
            continue;
        }
        total += context->Entries[i].Pending;
        KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
    }
    context->TotalPending = total;
    return STATUS_SUCCESS;
}
