/*
 * No finding: *BytesNeeded is not written before the check but separately
 * on each branch - the requested size on the "too small" branch, the number
 * of bytes written (the same 16) after the copy. On each return N is the
 * value of that branch: 16 > SaveBufSize for the failure, 16 <= SaveBufSize
 * for the success.
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
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    return STATUS_SUCCESS;
}
