/*
 * VMB001 negative: a search over 64 queues, counting the busy ones on the
 * way (a branch that stays in the loop), then the queue found is locked and
 * released on every path after the loop, including the "none busy" one.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_QUEUE_COUNT 64

typedef struct _VSP_QUEUE {
    KSPIN_LOCK Lock;
    BOOLEAN Busy;
    ULONG Depth;
} VSP_QUEUE, *PVSP_QUEUE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_QUEUE Queues[VSP_QUEUE_COUNT];
    ULONG BusyQueues;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG found = VSP_QUEUE_COUNT;
    ULONG busy = 0;
    ULONG i;
    KIRQL oldIrql;
    PVSP_QUEUE queue;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    for (i = 0; i < VSP_QUEUE_COUNT; i++) {
        if (context->Queues[i].Busy) {
            busy++;
            found = i;
        }
    }

    queue = &context->Queues[found < VSP_QUEUE_COUNT ? found : 0];
    KeAcquireSpinLock(&queue->Lock, &oldIrql);
    context->BusyQueues = busy;
    if (found == VSP_QUEUE_COUNT) {
        KeReleaseSpinLock(&queue->Lock, oldIrql);
        return STATUS_SUCCESS;
    }
    queue->Depth = 0;
    KeReleaseSpinLock(&queue->Lock, oldIrql);
    return STATUS_SUCCESS;
}
