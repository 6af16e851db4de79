/*
 * VMB004 positive, twice: the status of RtlULongMult is ignored and the
 * header is added with plain arithmetic. When the product of Count and
 * sizeof(VSP_ELEM) does not fit in a ULONG, RtlULongMult fails and leaves
 * ULONG_ERROR (0xFFFFFFFF) in `bytes`; `bytes + 8` then wraps to 7, the
 * size check passes with a 7-byte buffer, and the header's second field is
 * already past it. When the product fits, it may be 0xFFFFFFF8, and the
 * unchecked `bytes + 8` wraps to 0. Each path is reported at its first
 * write past the buffer.
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

    UNREFERENCED_PARAMETER(Channel);

    (void)RtlULongMult(ctx->Count, sizeof(VSP_ELEM), &bytes); // expect-note: VMB004 {{Assuming 'RtlULongMult' fails with STATUS_INTEGER_OVERFLOW}}
    needed = bytes + FIELD_OFFSET(VSP_SAVED, Elems);
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1; // expect: VMB004 {{can wrap around}}
    saved->Count = ctx->Count; // expect: VMB004 {{writes 4 bytes at offset 4 of 'SaveBuf' (a store of 'ULONG'), but SaveBufSize may be as small as 7}}
    RtlCopyMemory(saved->Elems, ctx->Elems, (SIZE_T)ctx->Count * sizeof(VSP_ELEM));
    return STATUS_SUCCESS;
}
