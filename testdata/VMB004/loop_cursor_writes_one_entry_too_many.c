/*
 * VMB004 positive: the entries are serialised through a cursor that steps
 * over the saved array (`*cursor++ = ...`). The size asked for and checked is
 * right, FIELD_OFFSET(Entries) + Count * sizeof(ULONG), but the loop runs
 * `i <= count` and its last iteration stores one ULONG past it. The store is
 * checked at the cursor's position in any iteration, which the widened loop
 * derives from the counter (cursor = Entries + i).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG EntryCount;
    ULONG Entries[64];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG EntryCount;
    ULONG Entries[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG count = context->EntryCount;
    PULONG cursor;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    if (count < 8 || count > 64) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Entries) + count * sizeof(ULONG);
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Entries) + count * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->EntryCount = count;
    cursor = saved->Entries;
    for (i = 0; i <= count; i++) {
        *cursor++ = context->Entries[i]; // expect: VMB004 {{writes 4 bytes}}
    }
    return STATUS_SUCCESS;
}
