/*
 * VMB004 negative: a loop over a small fixed array with `<` and ARRAYSIZE.
 * The buffer is checked against the whole 16-byte structure first; the last
 * iteration writes Entries[2], 4 bytes at offset 12, ending at 16. No
 * finding (the loop index must not be mistaken for an unbounded one). The
 * array is kept small so that every iteration is actually analysed.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 3

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Entries[VSP_ENTRY_COUNT];
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

    saved->Count = ARRAYSIZE(saved->Entries);
    for (i = 0; i < ARRAYSIZE(saved->Entries); i++) {
        saved->Entries[i] = context->Entries[i];
    }
    return STATUS_SUCCESS;
}
