/*
 * VMB003 (c), positive: as in a correct driver, each branch reads the
 * context under its spin lock - but the empty-call branch decides "nothing
 * to save" from the Queued flag while the buffer branch saves every packet
 * that is InFlight. A packet in flight that is no longer queued answers the
 * empty first call with *BytesNeeded = 0 and STATUS_SUCCESS, and given a
 * buffer the same packet has its snapshot copied into SaveBuf.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN Queued;
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
    BOOLEAN busy;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) { // expect-note: VMB003 {{Assuming 'SaveBufSize' is equal to 0}}
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        busy = context->Queued;
        KeReleaseSpinLock(&context->Lock, oldIrql);
        if (!busy) {
            *BytesNeeded = 0;
            return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
        }
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        return STATUS_BUFFER_TOO_SMALL;
    }

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    busy = context->InFlight;
    snapshot = context->State;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    if (!busy) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_STATE)); // expect-note: VMB003 {{memcpy of 8 bytes}}
    return STATUS_SUCCESS;
}
