/*
 * VMB001 (b): the context's spin lock is released on the main path, but the
 * early exit for a packet without state returns while the lock is still
 * held. KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL and nothing on
 * that path lowered it, so the callback returns at DISPATCH_LEVEL although
 * its role requires it to return at PASSIVE_LEVEL. The other return is
 * correct (lock released first).
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
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    KeAcquireSpinLock(&context->Lock, &oldIrql); // expect-note: VMB001 {{DISPATCH_LEVEL}}
    if (!context->InFlight) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    snapshot = context->State;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
