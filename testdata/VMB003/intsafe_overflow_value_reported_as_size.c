/*
 * VMB003 positive: the status of RtlULongAdd is not checked. When
 * FIELD_OFFSET(VSP_SAVED, Data) + DataLength does not fit in a ULONG the
 * routine fails and leaves ULONG_ERROR (0xFFFFFFFF) in `needed`, which the
 * driver reports as its size: no buffer can be larger, so given one of
 * 0xFFFFFFFF bytes the callback still answers "too small" with a size that
 * does not exceed it (the second check), and the protocol cannot make
 * progress. The failure value must be the documented ULONG_ERROR for this
 * to be seen.
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

    UNREFERENCED_PARAMETER(Channel);

    (void)RtlULongAdd(FIELD_OFFSET(VSP_SAVED, Data), ctx->DataLength, &needed); // expect-note: VMB003 {{Assuming 'RtlULongAdd' fails with STATUS_INTEGER_OVERFLOW}}
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (ctx->DataLength > SaveBufSize - FIELD_OFFSET(VSP_SAVED, Data)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{'*BytesNeeded' (4294967295) fits in SaveBufSize}}
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1;
    saved->DataLength = ctx->DataLength;
    RtlCopyMemory(saved->Data, ctx->Data, ctx->DataLength);
    return STATUS_SUCCESS;
}
