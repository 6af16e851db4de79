/*
 * Negative: a wait under a spin lock that is correct. The driver polls the
 * drain event only when it holds the lock, and then always with a zero
 * timeout (`pollNow.QuadPart = 0`); the pointer it passes is chosen by a
 * branch and is NULL (an infinite wait) only on the path that does not take
 * the lock. On each path the real WDK's conditions
 * (`Timeout!=NULL && Timeout->QuadPart==0`) are decided, so no strict
 * fallback applies. A checker that cannot read `Timeout->QuadPart` would
 * flag the locked wait.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
    BOOLEAN PollOnly;
    BOOLEAN Drained2;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    LARGE_INTEGER pollNow;
    PLARGE_INTEGER timeout;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    pollNow.QuadPart = 0;
    timeout = context->PollOnly ? &pollNow : NULL;
    if (timeout != NULL) {
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        context->Drained2 = (KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, timeout) == STATUS_SUCCESS);
        KeReleaseSpinLock(&context->Lock, oldIrql);
    } else {
        KeWaitForSingleObject(&context->Drained, Executive, KernelMode, FALSE, timeout);
    }
    return STATUS_SUCCESS;
}
