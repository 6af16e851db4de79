/*
 * VMB004 negative: variable-length entries (up to 16). A first loop sums
 * the entries' saved sizes, rejecting corrupt lengths; the sum is asked for
 * and checked; a second loop writes each length and copies each payload at
 * a running offset. Every write ends within the sum. A loop widened too
 * early would forget how the sum relates to the entries and report the
 * copies; loops whose branches only leave them, over at most 16 entries, run
 * to their end instead.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_ENTRY {
    ULONG Length;
    UCHAR Data[64];
} VSP_ENTRY;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Count;
    VSP_ENTRY Entries[16];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PUCHAR out = (PUCHAR)SaveBuf;
    ULONG count = context->Count;
    ULONG needed = 0;
    ULONG offset = 0;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    if (count > 16) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    for (i = 0; i < count; i++) {
        if (context->Entries[i].Length > 64) {
            *BytesNeeded = 0;
            return STATUS_INVALID_PARAMETER;
        }
        needed += sizeof(ULONG) + context->Entries[i].Length;
    }
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    for (i = 0; i < count; i++) {
        *(PULONG)(out + offset) = context->Entries[i].Length;
        offset += sizeof(ULONG);
        RtlCopyMemory(out + offset, context->Entries[i].Data, context->Entries[i].Length);
        offset += context->Entries[i].Length;
    }
    return STATUS_SUCCESS;
}
