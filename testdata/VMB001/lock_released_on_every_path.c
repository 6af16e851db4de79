/*
 * No finding: a packet with saved state. The size is computed under the
 * spin lock, and every exit - no state, buffer too small, success -
 * releases the lock before returning, so each return runs at
 * PASSIVE_LEVEL. The size protocol is correct: N = 0 with success when
 * there is no state (decided by the context), else N = 12 checked against
 * SaveBufSize before the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN InFlight;
    ULONG RequestId;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE saved = (PVSP_SAVED_STATE)SaveBuf;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (!context->InFlight) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Offset = context->Offset;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
