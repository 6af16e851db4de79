/*
 * VMB004 positive: *BytesNeeded is first set to the 16-byte V2 size, then
 * lowered to the 8-byte V1 size for packets saved in the legacy format, and
 * SaveBufSize is checked against *BytesNeeded. The callback nevertheless
 * assigns the whole V2 structure, so on the legacy path 16 bytes are written
 * to a buffer that may hold 8. On every path the reported size is the checked
 * size, so VMB003 is silent.
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
    ULONG SavedVersion;
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

    *BytesNeeded = sizeof(VSP_SAVED_V2);
    if (context->SavedVersion == 1) {
        *BytesNeeded = sizeof(VSP_SAVED_V1);
    }
    if (SaveBufSize < *BytesNeeded) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *saved = context->Saved; // expect: VMB004 {{writes 16 bytes at offset 0}}
    return STATUS_SUCCESS;
}
