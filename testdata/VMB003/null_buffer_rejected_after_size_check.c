/*
 * No finding: after the size check the callback defensively rejects a NULL
 * SaveBuf with STATUS_INVALID_PARAMETER. That branch on SaveBuf == NULL
 * leads to a failure that is neither a success ((a), (c)) nor "too small"
 * ((b)), so VMB003 has nothing to say about it; the other returns follow the
 * protocol.
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
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (SaveBuf == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
