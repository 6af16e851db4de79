/*
 * Negative, C++: correct code that trips a naive checker twice. The helper
 * VspPollDrainedLocked is declared with the driver's own macro
 * VSP_LOCK_HELD (`_IRQL_requires_(DISPATCH_LEVEL)`) and is called with the
 * spin lock held, as its contract demands. Inside it, KeWaitForSingleObject
 * runs at DISPATCH_LEVEL with a zero timeout (a poll), which the WDK's
 * `_When_((Timeout!=NULL && Timeout->QuadPart==0), _IRQL_requires_max_(DISPATCH_LEVEL))`
 * allows; the timeout is a local whose QuadPart is set to 0, so the
 * condition is decided.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_LOCK_HELD _IRQL_requires_(DISPATCH_LEVEL)

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KEVENT Drained;
    BOOLEAN IsDrained;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VSP_LOCK_HELD
static BOOLEAN
VspPollDrainedLocked(_In_ PVSP_PACKET_CONTEXT Context)
{
    LARGE_INTEGER pollNow{};
    pollNow.QuadPart = 0;
    return KeWaitForSingleObject(&Context->Drained, Executive, KernelMode, FALSE, &pollNow) == STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto context = static_cast<PVSP_PACKET_CONTEXT>(VmbPacketGetPointer(Packet));
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    context->IsDrained = VspPollDrainedLocked(context);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
