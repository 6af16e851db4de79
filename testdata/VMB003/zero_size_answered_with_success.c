/*
 * VMB003 (c): the callback answers the first call (SaveBufSize == 0) with
 * *BytesNeeded = 0 and STATUS_SUCCESS - "nothing to save" - only because the
 * buffer is empty, while with a buffer it writes 16 bytes of state into
 * SaveBuf. KMCL takes the successful empty answer at its word and never
 * makes the second call, so the state is never saved ("answers the empty
 * first call"). The path with a buffer is correct.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
