/*
 * Negative: the driver multiplies in 64 bits with the _umul128 intrinsic
 * and rejects a product whose high half is not 0, then rejects a total
 * above MAXULONG before narrowing it to the ULONG it reports. Every
 * narrowing here keeps the value, so `SaveBufSize >= needed` covers the
 * copy of the 64-bit `low` bytes. A checker that cannot follow _umul128,
 * or that treats `(ULONG)total` as a truncation, reports the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

#define VSP_MAX_ULONG 0xFFFFFFFFUL

typedef struct _VSP_ENTRY {
    ULONGLONG Lba;
    ULONG Length;
    ULONG Flags;
} VSP_ENTRY;

typedef struct _VSP_SAVED {
    ULONG Version;
    ULONG Reserved;
    VSP_ENTRY Entries[1];
} VSP_SAVED, *PVSP_SAVED;

typedef struct _VSP_PACKET_CONTEXT {
    ULONGLONG EntryCount;
    VSP_ENTRY *Entries;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED saved;
    ULONGLONG high;
    ULONGLONG low;
    ULONGLONG total;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;
    low = UnsignedMultiply128(ctx->EntryCount, sizeof(VSP_ENTRY), &high);
    if (high != 0) {
        return STATUS_INTEGER_OVERFLOW;
    }
    total = low + FIELD_OFFSET(VSP_SAVED, Entries);
    if (total < low || total > VSP_MAX_ULONG) {
        return STATUS_INTEGER_OVERFLOW;
    }
    needed = (ULONG)total;
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1;
    saved->Reserved = 0;
    RtlCopyMemory(saved->Entries, ctx->Entries, low);
    return STATUS_SUCCESS;
}
