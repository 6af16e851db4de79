/*
 * VMB001 negative: the packet's spin lock is taken before a __try block and
 * released in its __finally block. The __try block leaves early in three
 * ways - a `return` for a packet without state, `__leave` when the buffer is
 * too small, and falling through after the copy - and the __finally block
 * runs on each of them before the callback returns, so every return is at
 * PASSIVE_LEVEL. A checker that ignored __finally (or could not follow it)
 * would report the early `return` as returning at DISPATCH_LEVEL.
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
    NTSTATUS status;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    __try {
        if (!context->InFlight) {
            *BytesNeeded = 0;
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
            status = STATUS_BUFFER_TOO_SMALL;
            __leave;
        }
        RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE));
        status = STATUS_SUCCESS;
    } __finally {
        KeReleaseSpinLock(&context->Lock, oldIrql);
    }
    return status;
}
