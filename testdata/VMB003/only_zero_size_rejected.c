/*
 * VMB003 (a): the callback fails only the empty call (SaveBufSize == 0) and
 * then copies its 16 bytes of state without checking that they fit. On the
 * success path SaveBufSize is 1..15 is feasible while N = 16, so the success
 * "may exceed" SaveBufSize. SaveBufSize == 0 is not feasible on that path, so
 * the message must not be the size-query one. The unchecked copy is VMB004.
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

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize == 0) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE)); // expect: VMB004
    return STATUS_SUCCESS; // expect: VMB003 {{may exceed}}
}
