/*
 * VMB004 negative: the needed size depends on the saved format version; it
 * is written to *BytesNeeded (16 bytes for V2, lowered to 8 for the legacy
 * V1 format), the check reads it back from *BytesNeeded, and the writes
 * follow the same version test: a V1 packet gets only the 8-byte V1
 * structure. No finding.
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
    BOOLEAN legacy = (context->SavedVersion == 1);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_V2);
    if (legacy) {
        *BytesNeeded = sizeof(VSP_SAVED_V1);
    }
    if (SaveBufSize < *BytesNeeded) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    if (legacy) {
        PVSP_SAVED_V1 v1 = (PVSP_SAVED_V1)SaveBuf;
        v1->Version = 1;
        v1->RequestId = context->Saved.RequestId;
    } else {
        *(PVSP_SAVED_V2)SaveBuf = context->Saved;
    }
    return STATUS_SUCCESS;
}
