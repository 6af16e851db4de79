/*
 * VMB004 negative: an optional 16-byte trailer is counted in the needed size
 * when the context has one, and written under the same test of the same
 * context field after the header was copied into SaveBuf. SaveBuf is the
 * library's buffer; writing it does not change the VSP's packet context, so
 * both tests of HasTrailer agree and the trailer is only written when the
 * check covered it. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_HEADER {
    ULONG RequestId;
    ULONG HasTrailer;
} VSP_SAVED_HEADER, *PVSP_SAVED_HEADER;

typedef struct _VSP_SAVED_TRAILER {
    ULONG64 CompletionTime;
    ULONG64 Status;
} VSP_SAVED_TRAILER, *PVSP_SAVED_TRAILER;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_HEADER Header;
    BOOLEAN HasTrailer;
    VSP_SAVED_TRAILER Trailer;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    UINT32 needed = sizeof(VSP_SAVED_HEADER);

    UNREFERENCED_PARAMETER(Channel);

    if (context->HasTrailer) {
        needed += sizeof(VSP_SAVED_TRAILER);
    }
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(SaveBuf, &context->Header, sizeof(VSP_SAVED_HEADER));
    if (context->HasTrailer) {
        RtlCopyMemory((PUCHAR)SaveBuf + sizeof(VSP_SAVED_HEADER), &context->Trailer,
                      sizeof(VSP_SAVED_TRAILER));
    }
    return STATUS_SUCCESS;
}
