/*
 * Negative: the needed size is computed with the kernel's checked
 * arithmetic, `RtlULongMult(Count, sizeof(VSP_ELEM))` then
 * `RtlULongAdd(bytes, FIELD_OFFSET(VSP_SAVED, Elems))`, and each failure
 * (STATUS_INTEGER_OVERFLOW) is returned. On the success path both results
 * are exact, so `SaveBufSize >= needed` covers the header and the copy of
 * `bytes` bytes at offset FIELD_OFFSET(VSP_SAVED, Elems). A checker that
 * treats the sums as possibly wrapping 32-bit arithmetic reports the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

typedef struct _VSP_ELEM {
    ULONG Id;
    ULONG Value;
} VSP_ELEM;

typedef struct _VSP_SAVED {
    ULONG Version;
    ULONG Count;
    VSP_ELEM Elems[1];
} VSP_SAVED, *PVSP_SAVED;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Count;
    VSP_ELEM *Elems;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED saved;
    ULONG bytes;
    ULONG needed;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;
    status = RtlULongMult(ctx->Count, sizeof(VSP_ELEM), &bytes);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = RtlULongAdd(bytes, FIELD_OFFSET(VSP_SAVED, Elems), &needed);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1;
    saved->Count = ctx->Count;
    RtlCopyMemory(saved->Elems, ctx->Elems, bytes);
    return STATUS_SUCCESS;
}
