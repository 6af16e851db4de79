/*
 * VMB002 negative: the size query is done by a routine declared here but
 * implemented elsewhere (no body in this translation unit). BytesNeeded is
 * passed to it, which the specification counts as a write, so the
 * failure return right after it is not a VMB002 finding. The callback then
 * uses the reported size: zero means nothing to save, otherwise it checks
 * SaveBufSize before copying exactly that many bytes.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    PUCHAR Blob;
    ULONG BlobLength;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

/* Implemented in vspstate.c. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
VspQueryBlobSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size);

EVT_VMB_CHANNEL_SAVE_PACKET VspCryptoSavePacket;

_Use_decl_annotations_
NTSTATUS
VspCryptoSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    status = VspQueryBlobSize(context, BytesNeeded);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    needed = *BytesNeeded;
    if (needed == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context->Blob, needed);
    return STATUS_SUCCESS;
}
