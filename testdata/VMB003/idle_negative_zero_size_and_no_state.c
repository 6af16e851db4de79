/*
 * No finding (idle packets): the empty first call is short-cut with
 * *BytesNeeded = 0 and STATUS_SUCCESS only for a packet without state
 * (`SaveBufSize == 0 && !context->HasState`). Given a buffer, such a packet
 * gets the same answer and nothing is written into SaveBuf; only a packet
 * with state is copied, and for that packet the empty call fails with the
 * size. No packet answers 0 on the empty call and saves state with a buffer,
 * so this is not case (c), although the path does branch on SaveBufSize == 0.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN HasState;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0 && !context->HasState) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    if (!context->HasState) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
