/*
 * No finding: the size check with the operands reversed, `n > SaveBufSize`.
 * The failure is STATUS_BUFFER_TOO_SMALL exactly when n = 16 does not fit;
 * the success is reached only with n <= SaveBufSize.
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
    UINT32 n = sizeof(VSP_SAVED_STATE);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = n;
    if (n > SaveBufSize) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, n);
    return STATUS_SUCCESS;
}
