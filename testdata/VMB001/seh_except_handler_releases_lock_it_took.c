/*
 * VMB001 negative: the state is copied out of a guest mapping that can
 * fault, under the packet's spin lock, inside __try/__except. A flag says
 * whether the lock is held: it is set right after the acquisition and
 * cleared right after the release, and the handler releases the lock only
 * if the flag is set. No exception can come between an acquisition (or a
 * release) and the flag's update - neither KeAcquireSpinLock nor
 * KeReleaseSpinLock raises, and the flag is a local - so every path
 * returns at PASSIVE_LEVEL. A model that raised exceptions right after
 * every call would see the lock held with the flag clear (and released
 * with the flag set) and report both.
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
    BOOLEAN locked = FALSE;
    KIRQL oldIrql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    __try {
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        locked = TRUE;
        snapshot = *context->GuestMapping;
        KeReleaseSpinLock(&context->Lock, oldIrql);
        locked = FALSE;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        if (locked) {
            KeReleaseSpinLock(&context->Lock, oldIrql);
        }
        return GetExceptionCode();
    }

    RtlCopyMemory(SaveBuf, &snapshot, sizeof(snapshot));
    return STATUS_SUCCESS;
}
