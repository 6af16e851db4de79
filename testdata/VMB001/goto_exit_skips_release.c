/*
 * VMB001 (b): goto-Exit clean-up placed wrongly. The spin lock is released
 * in the middle of the function, but the "closed" check jumps to Exit,
 * which only returns - past the release. On that path the single return
 * statement runs at DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN Closed;
    ULONG RequestId;
    ULONG SavedRequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (context->Closed) {
        status = STATUS_INVALID_DEVICE_STATE;
        goto Exit;
    }
    context->SavedRequestId = context->RequestId;
    KeReleaseSpinLock(&context->Lock, oldIrql);

Exit:
    return status; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
}
