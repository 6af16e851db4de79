/*
 * No finding, _When_ decided by the path: whether KeSetEvent is followed by
 * a wait comes from the context. The event is signalled under the spin lock
 * only on the branch where wait == FALSE (allowed at DISPATCH_LEVEL); when
 * wait is TRUE it is signalled after the lock is released, at
 * PASSIVE_LEVEL, and the wait follows there too.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT SaveStarted;
    KEVENT SaveAcknowledged;
    BOOLEAN WaitForAck;
    BOOLEAN Saving;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    BOOLEAN wait = context->WaitForAck;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    context->Saving = TRUE;
    if (!wait) {
        KeSetEvent(&context->SaveStarted, IO_NO_INCREMENT, wait);
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);

    if (wait) {
        KeSetEvent(&context->SaveStarted, IO_NO_INCREMENT, TRUE);
        KeWaitForSingleObject(&context->SaveAcknowledged, Executive, KernelMode, FALSE, NULL);
    }
    return STATUS_SUCCESS;
}
