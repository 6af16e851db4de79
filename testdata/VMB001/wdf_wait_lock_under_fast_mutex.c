/*
 * VMB001 (a), _When_ decided by the argument: WdfWaitLockAcquire with a
 * NULL timeout (wait indefinitely) requires PASSIVE_LEVEL; only a zero
 * timeout is allowed at APC_LEVEL. Here it is called while a fast mutex is
 * held (APC_LEVEL) with Timeout == NULL. Both locks are released.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <wdf.h>

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX StateMutex;
    WDFWAITLOCK QueueLock;
    ULONG QueueDepth;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ExAcquireFastMutex(&context->StateMutex);
    WdfWaitLockAcquire(context->QueueLock, NULL); // expect: VMB001 {{'WdfWaitLockAcquire' requires IRQL = PASSIVE_LEVEL but the IRQL is APC_LEVEL}}
    context->QueueDepth = 0;
    WdfWaitLockRelease(context->QueueLock);
    ExReleaseFastMutex(&context->StateMutex);
    return STATUS_SUCCESS;
}
