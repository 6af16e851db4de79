/*
 * VMB002 negative: the helper that writes the size is prototyped before the
 * callback and defined after it. Its body stores *Size on both of its paths
 * (0 for a packet without state), and the callback calls it before any
 * return, so every return follows a write.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Outstanding;
    ULONG Cookie;
    ULONG Length;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Cookie;
    ULONG Length;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static UINT32
VspSetSaveSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size);

EVT_VMB_CHANNEL_SAVE_PACKET VspRemoteFxSavePacket;

_Use_decl_annotations_
NTSTATUS
VspRemoteFxSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    needed = VspSetSaveSize(context, BytesNeeded);
    if (needed == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Cookie = context->Cookie;
    saved->Length = context->Length;
    return STATUS_SUCCESS;
}

static UINT32
VspSetSaveSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    if (!Context->Outstanding) {
        *Size = 0;
        return 0;
    }
    *Size = sizeof(VSP_SAVED_PACKET);
    return sizeof(VSP_SAVED_PACKET);
}
