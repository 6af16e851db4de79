/*
 * VMB004 positive: the saved record has room for 40 entries and the buffer
 * is checked against the whole record, but the loop copies as many entries
 * as the context holds, and the context allows up to 64. The first 40
 * iterations write inside the record; the 41st (i == 40) writes 4 bytes at
 * offset 164, past the 164 bytes checked. Only an analysis that checks the
 * write for every index the loop condition allows, not just the first
 * iterations, finds it.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_ENTRIES 64
#define VSP_SAVED_ENTRIES 40

typedef struct _VSP_PACKET_CONTEXT {
    ULONG EntryCount;
    ULONG Entries[VSP_MAX_ENTRIES];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG EntryCount;
    ULONG Entries[VSP_SAVED_ENTRIES];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (context->EntryCount > VSP_MAX_ENTRIES) {
        return STATUS_INVALID_PARAMETER;
    }

    saved->EntryCount = context->EntryCount;
    for (i = 0; i < context->EntryCount; i++) {
        saved->Entries[i] = context->Entries[i]; // expect: VMB004 {{writes 4 bytes}}
    }
    return STATUS_SUCCESS;
}
