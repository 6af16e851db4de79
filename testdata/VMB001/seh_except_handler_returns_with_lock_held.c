/*
 * VMB001 positive: the packet's state is copied out of a mapping of guest
 * memory under the packet's spin lock, inside __try/__except because the
 * mapping can fault. If the copy raises an exception, the handler runs with
 * the spin lock still held (nothing released it on the way) and returns at
 * DISPATCH_LEVEL, although the callback must return at PASSIVE_LEVEL. The
 * normal path releases the lock.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PVSP_SAVED_STATE GuestMapping;
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

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    __try {
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        snapshot = *context->GuestMapping; // expect-note: VMB001 {{Assuming an exception is raised in this statement, before it takes effect}}
        KeReleaseSpinLock(&context->Lock, oldIrql);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode(); // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }

    RtlCopyMemory(SaveBuf, &snapshot, sizeof(snapshot));
    return STATUS_SUCCESS;
}
