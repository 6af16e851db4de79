/*
 * No finding (idle packets): each branch takes the context's spin lock and
 * reads the InFlight flag itself. The empty call answers a packet that is
 * not in flight with *BytesNeeded = 0 and STATUS_SUCCESS and fails for one
 * in flight; with a buffer, only a packet in flight has its snapshot copied.
 * The engine forgets the context at each KeAcquireSpinLock, so the two
 * branches read InFlight into different symbols - it is still the same
 * packet's flag, and no packet both answers 0 and has state written.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN InFlight;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    VSP_SAVED_STATE snapshot;
    BOOLEAN inFlight;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) {
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        inFlight = context->InFlight;
        KeReleaseSpinLock(&context->Lock, oldIrql);
        *BytesNeeded = inFlight ? sizeof(VSP_SAVED_STATE) : 0;
        return inFlight ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS;
    }

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    inFlight = context->InFlight;
    snapshot = context->State;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    if (!inFlight) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
