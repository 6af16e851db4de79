/*
 * VMB003 (c), state written by a helper: the empty first call is answered
 * with *BytesNeeded = 0 and STATUS_SUCCESS, and the state is written into
 * SaveBuf not by the callback itself but by VspWriteState(), whose body is in
 * this file and is followed. Given a buffer, the callback therefore does
 * write state, so the empty answer loses it ("answers the empty first call").
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

static VOID
VspWriteState(PVSP_SAVED_STATE Saved, PVSP_PACKET_CONTEXT Context)
{
    Saved->RequestId = Context->RequestId;
    Saved->Flags = Context->Flags;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    VspWriteState((PVSP_SAVED_STATE)SaveBuf, context);
    return STATUS_SUCCESS;
}
