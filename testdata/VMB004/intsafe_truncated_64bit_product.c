/*
 * VMB004 positive: the product is computed in 64 bits, which cannot
 * overflow, and then truncated to the ULONG the driver reports and checks:
 * `(ULONG)((ULONGLONG)Count * sizeof(VSP_ELEM))`. For Count >= 2^29 the
 * truncated size is small, the check passes, and the copy of the full
 * 64-bit size runs past the buffer. A truncation is an overflow like a
 * wrapping 32-bit product.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_ELEM {
    ULONG Id;
    ULONG Value;
} VSP_ELEM;

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
    ULONGLONG full;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    full = (ULONGLONG)ctx->Count * sizeof(VSP_ELEM);
    needed = (ULONG)full; // expect-note: VMB004 {{is truncated to ULONG here}}
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, ctx->Elems, full); // expect: VMB004 {{can wrap around}}
    return STATUS_SUCCESS;
}
