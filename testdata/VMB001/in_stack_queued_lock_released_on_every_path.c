/*
 * No finding: an in-stack queued spin lock is taken and released through
 * the same lock handle on both exits; KeReleaseInStackQueuedSpinLock
 * restores the IRQL kept in the handle (PASSIVE_LEVEL). ZwClose runs after
 * the release.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK QueueLock;
    BOOLEAN Closed;
    ULONG Depth;
    HANDLE Section;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KLOCK_QUEUE_HANDLE lockHandle;
    HANDLE section;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireInStackQueuedSpinLock(&context->QueueLock, &lockHandle);
    if (context->Closed) {
        KeReleaseInStackQueuedSpinLock(&lockHandle);
        return STATUS_INVALID_DEVICE_STATE;
    }
    context->Depth = 0;
    section = context->Section;
    context->Section = NULL;
    KeReleaseInStackQueuedSpinLock(&lockHandle);

    if (section != NULL) {
        ZwClose(section);
    }
    return STATUS_SUCCESS;
}
