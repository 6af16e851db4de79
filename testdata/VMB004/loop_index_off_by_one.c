/*
 * VMB004 positive: the size check is right (the whole 20-byte structure), but
 * the loop that fills the 4-entry array runs with `<=` and executes a fifth
 * time: Entries[4] is 4 bytes at offset 20, past a buffer that may hold
 * exactly 20 bytes. *BytesNeeded equals the checked size, so VMB003 has
 * nothing to report; only the store in the loop body is a finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 4

typedef struct _VSP_PACKET_CONTEXT {
    ULONG BaseEntry;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Count;
    ULONG Entries[VSP_ENTRY_COUNT];
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

    saved->Count = VSP_ENTRY_COUNT;
    for (i = 0; i <= VSP_ENTRY_COUNT; i++) {
        saved->Entries[i] = context->BaseEntry + i; // expect: VMB004 {{writes 4 bytes at offset 20}}
    }
    return STATUS_SUCCESS;
}
