/*
 * VMB003 (c): `SaveBuf == NULL || SaveBufSize == 0` is treated as "nothing
 * to save" and answered with *BytesNeeded = 0 and STATUS_SUCCESS, while
 * given a buffer the callback copies its state into SaveBuf. The first call
 * (empty buffer) succeeds with N == 0 only because the buffer is empty, so
 * KMCL never makes the second call. One return, one finding.
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

    if (SaveBuf == NULL || SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
