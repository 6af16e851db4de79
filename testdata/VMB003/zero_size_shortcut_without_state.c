/*
 * No finding: the callback short-cuts the empty call (SaveBufSize == 0) with
 * *BytesNeeded = 0 and STATUS_SUCCESS, but it has no state at all: given a
 * buffer it also answers N = 0 and success without writing SaveBuf. Case (c)
 * requires that the callback writes state into SaveBuf when given a buffer,
 * so nothing is lost and nothing is reported.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    LONG Completed;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);

    if (SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    context = VmbPacketGetPointer(Packet);
    if (context != NULL) {
        context->Completed = 1;
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
