/*
 * VMB003 (c) in goto-Exit style: `if (!SaveBufSize)` sets *BytesNeeded = 0
 * and jumps to Exit with status still STATUS_SUCCESS, while with a buffer the
 * callback copies its state into SaveBuf. The empty first call is answered
 * with success and N == 0 only because the buffer is empty, so the state is
 * never saved. Reported at the shared return (the other paths reaching it
 * are correct).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    NTSTATUS status = STATUS_SUCCESS;
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (!SaveBufSize) {
        *BytesNeeded = 0;
        goto Exit;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE)); // expect-note: VMB003 {{state is written to the save buffer}}

Exit:
    return status; // expect: VMB003 {{answers the empty first call}}
}
