/*
 * No finding: a helper with a body both writes *BytesNeeded and decides the
 * status (STATUS_BUFFER_TOO_SMALL when the state does not fit, else
 * STATUS_SUCCESS); the callback propagates a failure and copies otherwise.
 * Followed through the helper, every success has N = 16 <= SaveBufSize and
 * every "too small" has N > SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

static NTSTATUS
VspReserveSaveSpace(UINT32 SaveBufSize, UINT32 Needed, PUINT32 BytesNeeded)
{
    *BytesNeeded = Needed;
    return SaveBufSize < Needed ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    status = VspReserveSaveSpace(SaveBufSize, sizeof(VSP_SAVED_STATE), BytesNeeded);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return status;
}
