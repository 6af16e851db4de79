/*
 * VMB004 positive: the callback was moved to version 2 of its saved format
 * but its size query and size check still use the 8-byte version 1
 * structure. SaveBufSize >= 8 passes, then the whole 16-byte V2 structure is
 * assigned at offset 0. *BytesNeeded (8) matches the check, so VMB003 is
 * silent; the struct assignment is the only finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_V1 {
    ULONG Version;
    ULONG RequestId;
} VSP_SAVED_V1, *PVSP_SAVED_V1;

typedef struct _VSP_SAVED_V2 {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
} VSP_SAVED_V2, *PVSP_SAVED_V2;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_V2 Saved;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_V2 saved = (PVSP_SAVED_V2)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_V1);
    if (SaveBufSize < sizeof(VSP_SAVED_V1)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *saved = context->Saved; // expect: VMB004 {{writes 16 bytes at offset 0}}
    return STATUS_SUCCESS;
}
