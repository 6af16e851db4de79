/*
 * VMB002 negative: there is no write before the branch; instead both arms
 * of the if/else write *BytesNeeded (the long format for version 2 contexts,
 * the short format otherwise), and every return comes after the if/else.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_V1 {
    ULONG Version;
    ULONG Id;
} VSP_SAVED_V1, *PVSP_SAVED_V1;

typedef struct _VSP_SAVED_V2 {
    ULONG Version;
    ULONG Id;
    ULONG64 Cookie;
    ULONG Priority;
    ULONG Reserved;
} VSP_SAVED_V2, *PVSP_SAVED_V2;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Version;
    ULONG Id;
    ULONG64 Cookie;
    ULONG Priority;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspDxSavePacket;

_Use_decl_annotations_
NTSTATUS
VspDxSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    BOOLEAN longFormat;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    longFormat = (context != NULL && context->Version >= 2);
    if (longFormat) {
        needed = sizeof(VSP_SAVED_V2);
        *BytesNeeded = needed;
    } else {
        needed = (context != NULL) ? sizeof(VSP_SAVED_V1) : 0;
        *BytesNeeded = needed;
    }

    if (needed == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    if (longFormat) {
        PVSP_SAVED_V2 saved = (PVSP_SAVED_V2)SaveBuf;
        saved->Version = 2;
        saved->Id = context->Id;
        saved->Cookie = context->Cookie;
        saved->Priority = context->Priority;
        saved->Reserved = 0;
    } else {
        PVSP_SAVED_V1 saved = (PVSP_SAVED_V1)SaveBuf;
        saved->Version = 1;
        saved->Id = context->Id;
    }
    return STATUS_SUCCESS;
}
