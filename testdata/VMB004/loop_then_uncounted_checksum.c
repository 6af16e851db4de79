/*
 * VMB004 positive: the loop over the 8-entry array is correct (`<`,
 * ARRAYSIZE) and stays within the checked 36-byte structure, but the
 * checksum stored after the loop, 4 bytes at offset sizeof(VSP_SAVED_PACKET)
 * == 36, was never counted in the size query or the check. Every path that
 * leaves the loop reaches that store with a buffer that may hold exactly 36
 * bytes. *BytesNeeded equals the checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 8

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
    ULONG checksum = 0;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Count = VSP_ENTRY_COUNT;
    for (i = 0; i < ARRAYSIZE(saved->Entries); i++) {
        saved->Entries[i] = context->Entries[i];
        checksum ^= context->Entries[i];
    }
    *(PULONG)(saved + 1) = checksum; // expect: VMB004 {{writes 4 bytes at offset 36}}
    return STATUS_SUCCESS;
}
