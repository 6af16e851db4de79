/*
 * VMB003 (a): *BytesNeeded asks for the state plus 16 bytes of reserve
 * (16 + 16 = 32) but the check and the copy use sizeof(VSP_SAVED_STATE) = 16
 * only. No write goes past the buffer (no VMB004), yet the success return is
 * reachable with SaveBufSize 16..31 < N = 32: success with a buffer smaller
 * than the callback asked for ("may exceed"; SaveBufSize == 0 is excluded).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SAVE_RESERVE 16

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

    *BytesNeeded = sizeof(VSP_SAVED_STATE) + VSP_SAVE_RESERVE;
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS; // expect: VMB003 {{may exceed}}
}
