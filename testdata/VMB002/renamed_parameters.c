/*
 * VMB002 negative: the definition renames every parameter (the role type
 * declaration fixes their meaning by position). The fifth parameter,
 * `RequiredLength`, is written on every path, so nothing is reported even
 * though no parameter is called BytesNeeded.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG Port;
    ULONG Credits;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Port;
    ULONG Credits;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspVsockSavePacket;

_Use_decl_annotations_
NTSTATUS
VspVsockSavePacket(
    VMBCHANNEL VmbChannel,
    VMBPACKET VmbPacket,
    PVOID OutputBuffer,
    UINT32 OutputBufferLength,
    PUINT32 RequiredLength)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(VmbPacket);
    PVSP_SAVED_PACKET saved;

    UNREFERENCED_PARAMETER(VmbChannel);

    if (context == NULL) {
        *RequiredLength = 0;
        return STATUS_SUCCESS;
    }

    *RequiredLength = sizeof(VSP_SAVED_PACKET);
    if (sizeof(VSP_SAVED_PACKET) > OutputBufferLength) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)OutputBuffer;
    saved->Port = context->Port;
    saved->Credits = context->Credits;
    return STATUS_SUCCESS;
}
