/*
 * VMB001 (b) through a helper: VspSnapshot takes the context's spin lock and
 * releases it on its success path, but its "invalid state" exit returns with
 * the lock still held. The callback then returns that status at
 * DISPATCH_LEVEL. Helpers may legitimately return at a raised IRQL (lock
 * wrappers do), so the finding belongs on the callback's return statement.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG State;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

#define VSP_STATE_CLOSED 3

static NTSTATUS
VspSnapshot(PVSP_PACKET_CONTEXT Context, PULONG RequestId)
{
    KIRQL oldIrql;

    KeAcquireSpinLock(&Context->Lock, &oldIrql);
    if (Context->State == VSP_STATE_CLOSED) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    *RequestId = Context->RequestId;
    KeReleaseSpinLock(&Context->Lock, oldIrql);
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status;
    ULONG requestId;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    status = VspSnapshot(context, &requestId);
    if (!NT_SUCCESS(status)) {
        return status; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    return STATUS_SUCCESS;
}
