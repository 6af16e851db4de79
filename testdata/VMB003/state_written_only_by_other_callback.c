/*
 * No finding: two save callbacks in one file. VspControlSavePacket has no
 * state; it short-cuts the empty call (SaveBufSize == 0) with N = 0 and
 * success and never writes SaveBuf. VspDataSavePacket does write state into
 * SaveBuf, correctly. Case (c) requires that the *same* callback writes
 * state when given a buffer, so the control callback's shortcut is fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspControlSavePacket;
EVT_VMB_CHANNEL_SAVE_PACKET VspDataSavePacket;

_Use_decl_annotations_
NTSTATUS
VspControlSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);

    if (SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspDataSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
