/*
 * VMB004 positive: the saved record is prefixed with an 8-byte header that
 * the size query and the check forget: both use sizeof(VSP_SAVED_PACKET)
 * (12). The header stores (offsets 0 and 4) and the first record field
 * (offset 8, ending at 12) fit; the second record field, 4 bytes at offset
 * 12, is the first write past a buffer that may hold exactly 12 bytes.
 * *BytesNeeded equals the checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SAVE_MAGIC 0x56535031UL

typedef struct _VSP_SAVE_HEADER {
    ULONG Magic;
    ULONG Version;
} VSP_SAVE_HEADER, *PVSP_SAVE_HEADER;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVE_HEADER header = (PVSP_SAVE_HEADER)SaveBuf;
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)(header + 1);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    header->Magic = VSP_SAVE_MAGIC;
    header->Version = 1;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags; // expect: VMB004 {{writes 4 bytes at offset 12}}
    saved->Sequence = context->Sequence;
    return STATUS_SUCCESS;
}
