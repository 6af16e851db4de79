/*
 * VMB001 (b) positive: a loop over 64 entries takes each entry's spin lock;
 * from entry 40 on, idle entries are skipped with a `continue` that jumps
 * over the release. The IRQL then stays at DISPATCH_LEVEL (later iterations
 * acquire and release at DISPATCH_LEVEL) and the callback returns there.
 * Iterations 0..39 never skip: clang unrolls the loop up to iteration 40,
 * where the body first branches, and the analysis must go on from there.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 64

typedef struct _VSP_ENTRY {
    KSPIN_LOCK Lock;
    BOOLEAN Idle;
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
        KeAcquireSpinLock(&context->Entries[i].Lock, &oldIrql);
        if (i >= 40 && context->Entries[i].Idle) {
            continue;
        }
        total += context->Entries[i].Pending;
        KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
    }
    context->TotalPending = total;
    return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
}
