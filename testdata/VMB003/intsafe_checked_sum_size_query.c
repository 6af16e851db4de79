/*
 * Negative: the size query protocol with checked arithmetic. The needed
 * size is RtlULongAdd(FIELD_OFFSET(VSP_SAVED, Data), DataLength); an
 * overflow fails the call with STATUS_INTEGER_OVERFLOW and reports no size
 * (it is not a "too small" answer, so KMCL does not call again). Otherwise
 * the exact size is reported, a smaller buffer is answered with
 * STATUS_BUFFER_TOO_SMALL, and a large enough one is filled. Because the
 * sum is exact, the "too small" answer always asks for more than
 * SaveBufSize, and the success path never succeeds with less.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

typedef struct _VSP_SAVED {
    ULONG Version;
    ULONG DataLength;
    UCHAR Data[1];
} VSP_SAVED, *PVSP_SAVED;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED saved;
    ULONG needed;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    status = RtlULongAdd(FIELD_OFFSET(VSP_SAVED, Data), ctx->DataLength, &needed);
    if (!NT_SUCCESS(status)) {
        *BytesNeeded = 0;
        return status;
    }
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1;
    saved->DataLength = ctx->DataLength;
    RtlCopyMemory(saved->Data, ctx->Data, ctx->DataLength);
    return STATUS_SUCCESS;
}
