/*
 * VMB003 (a): version 2 of the saved state grew a field, *BytesNeeded reports
 * sizeof(VSP_SAVED_STATE_V2) = 16, but the size check still compares against
 * sizeof(VSP_SAVED_STATE_V1) = 12. The success return is reachable with
 * SaveBufSize 12..15 < N = 16 ("may exceed"; SaveBufSize == 0 is excluded on
 * that path). The store to the new field at offset 12 is VMB004.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE_V1 {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE_V1;

typedef struct _VSP_SAVED_STATE_V2 {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
    ULONG Checksum;
} VSP_SAVED_STATE_V2, *PVSP_SAVED_STATE_V2;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE_V2 saved = (PVSP_SAVED_STATE_V2)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE_V2);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE_V1)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Version = 2;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    saved->Checksum = context->RequestId ^ context->Flags; // expect: VMB004
    return STATUS_SUCCESS; // expect: VMB003 {{may exceed}}
}
