/*
 * No finding: the context is read under a spin lock into a local snapshot,
 * and the lock is released on every path (including the early exit for a
 * packet without state) before the PASSIVE_LEVEL-only RtlCompareMemory. The
 * size protocol itself is correct: N = 0 with success when there is no
 * state (decided by the context, not by the buffer), else N = 16 checked
 * against SaveBufSize before the copy.
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
    VSP_SAVED_STATE LastSaved;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    VSP_SAVED_STATE snapshot;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (!context->InFlight) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    snapshot = context->State;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (RtlCompareMemory(&snapshot, &context->LastSaved, sizeof(snapshot)) != sizeof(snapshot)) {
        context->LastSaved = snapshot;
    }
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
