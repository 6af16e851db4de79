/*
 * VMB001 (b) positive (C++): a search over 32 queues (a loop with a branch,
 * which the engine does not unroll) comes first; after it the callback takes
 * the lock of the queue found, or of queue 0 when none is busy, and the "no
 * busy queue" early return forgets to release it. The finding needs the path
 * on which the search runs all 32 iterations without a match.
 */
#include <vmbuskernelmodeclientlibapi.h>

constexpr ULONG VspQueueCount = 32;

struct VSP_QUEUE {
    KSPIN_LOCK Lock;
    BOOLEAN Busy;
    ULONG Depth;
};

struct VSP_PACKET_CONTEXT {
    VSP_QUEUE Queues[VspQueueCount];
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    ULONG found = VspQueueCount;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    for (ULONG i = 0; i < VspQueueCount; i++) {
        if (context->Queues[i].Busy) {
            found = i;
            break;
        }
    }

    VSP_QUEUE *queue = &context->Queues[found < VspQueueCount ? found : 0];
    KeAcquireSpinLock(&queue->Lock, &oldIrql);
    if (found == VspQueueCount) {
        return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    queue->Depth = 0;
    KeReleaseSpinLock(&queue->Lock, oldIrql);
    return STATUS_SUCCESS;
}
