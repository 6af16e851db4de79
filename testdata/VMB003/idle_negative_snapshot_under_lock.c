/*
 * No finding (idle packets): the packet's state flag is read once, under the
 * context's spin lock, into a local before anything else. The empty call is
 * short-cut with *BytesNeeded = 0 and success only when that snapshot says
 * "nothing in flight", and the buffer path copies state only when it says
 * "in flight". Both paths decide on the same snapshot of the same packet, so
 * no packet loses state.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
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

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    inFlight = context->InFlight;
    snapshot = context->State;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    if (SaveBufSize == 0 && !inFlight) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    if (inFlight) {
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_STATE));
        return STATUS_SUCCESS;
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
