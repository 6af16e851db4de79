/*
 * VMB003 (a): the callback reports the size of its state (*BytesNeeded = 16)
 * but answers the first call (SaveBufSize == 0) with STATUS_SUCCESS. On that
 * return N = 16 > SaveBufSize = 0, so KMCL never makes the second call and the
 * state is lost. SaveBufSize == 0 is the branch taken, so the message speaks
 * of the size query. The path with a buffer is correct and stays silent.
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

    *BytesNeeded = sizeof(VSP_SAVED_STATE); // expect-note: VMB003 {{'*BytesNeeded' is set to 16 here}}
    if (SaveBufSize == 0) { // expect-note: VMB003 {{Assuming}}
        return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
    }
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
