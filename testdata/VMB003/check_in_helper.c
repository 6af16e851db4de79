/*
 * No finding: the size check lives in a helper with a body in this file,
 * VspBufferFits(), which the analysis follows. It returns TRUE exactly when
 * SaveBufSize >= Needed, so the success is reached only with N = 16 <=
 * SaveBufSize and STATUS_BUFFER_TOO_SMALL only with N > SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

static BOOLEAN
VspBufferFits(UINT32 SaveBufSize, UINT32 Needed)
{
    if (SaveBufSize < Needed) {
        return FALSE;
    }
    return TRUE;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (!VspBufferFits(SaveBufSize, sizeof(VSP_SAVED_STATE))) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
