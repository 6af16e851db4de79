/*
 * VMB003 (c), buffer test in a helper: VspIsSizeQuery() (followed by the
 * analysis) returns SaveBufSize == 0, and the callback answers that case with
 * *BytesNeeded = 0 and STATUS_SUCCESS, while with a buffer it stores its
 * state into SaveBuf. The path branches on SaveBufSize == 0 to the success,
 * so the state is never saved ("answers the empty first call").
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static BOOLEAN
VspIsSizeQuery(UINT32 SaveBufSize)
{
    return SaveBufSize == 0;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE saved = (PVSP_SAVED_STATE)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    if (VspIsSizeQuery(SaveBufSize)) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    return STATUS_SUCCESS;
}
