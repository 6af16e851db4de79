/*
 * VMB001 (b) positive: the loop takes each entry's spin lock; entries from
 * index 40 on are reserved, and on reaching the first one the loop breaks
 * out - with that entry's lock still held. The callback then returns at
 * DISPATCH_LEVEL. Iterations 0..39 release every lock they take, so the bug
 * is found only by an analysis that checks the lock discipline beyond the
 * first iterations it follows one by one.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 64
#define VSP_FIRST_RESERVED 40

typedef struct _VSP_ENTRY {
    KSPIN_LOCK Lock;
    ULONG Pending;
} VSP_ENTRY, *PVSP_ENTRY;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_ENTRY Entries[VSP_ENTRY_COUNT];
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
    for (i = 0; i < VSP_ENTRY_COUNT; i++) {
        KeAcquireSpinLock(&context->Entries[i].Lock, &oldIrql); // expect-note: VMB001 {{IRQL raised to DISPATCH_LEVEL}}
        if (i >= VSP_FIRST_RESERVED) {
            break;
        }
        total += context->Entries[i].Pending;
        KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
    }
    context->TotalPending = total;
    return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
}
