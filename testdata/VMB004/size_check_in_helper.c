/*
 * VMB004 negative: the size check lives in a helper with a body in this
 * file; the callback fails unless the helper says the buffer holds the 16
 * bytes that are then copied. Following the helper, the copy fits. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG Version;
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static BOOLEAN
VspSaveBufferFits(UINT32 Available, SIZE_T Required)
{
    return Available >= Required;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (!VspSaveBufferFits(SaveBufSize, sizeof(VSP_SAVED_STATE))) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
