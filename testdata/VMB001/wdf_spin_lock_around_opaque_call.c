/*
 * No finding: a KMDF spin lock protects a timestamp update. Inside the lock
 * the callback calls KeQuerySystemTimePrecise (any IRQL) on a field of the
 * same context that holds the lock handle; that does not change which lock
 * is released. WdfSpinLockRelease releases the lock acquired above and
 * restores PASSIVE_LEVEL before the return.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <wdf.h>

typedef struct _VSP_PACKET_CONTEXT {
    WDFSPINLOCK Lock;
    LARGE_INTEGER LastSaveTime;
    ULONG SaveCount;
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
    WdfSpinLockAcquire(context->Lock);
    KeQuerySystemTimePrecise(&context->LastSaveTime);
    context->SaveCount++;
    WdfSpinLockRelease(context->Lock);
    return STATUS_SUCCESS;
}
