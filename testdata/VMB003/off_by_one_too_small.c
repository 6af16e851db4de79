/*
 * VMB003 (b): off-by-one size check. With `SaveBufSize <= sizeof(...)` the
 * callback fails with STATUS_BUFFER_TOO_SMALL also when SaveBufSize == 16 ==
 * N, i.e. when the state fits exactly. KMCL calls again with the 16 bytes it
 * was asked for and gets the same failure: no progress ("fits in").
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

    *BytesNeeded = sizeof(VSP_SAVED_STATE); // expect-note: VMB003 {{set to 16}}
    if (SaveBufSize <= sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
