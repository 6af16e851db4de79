/*
 * VMB003 (a): the "buffer too small" answer uses STATUS_MORE_ENTRIES, which
 * is an informational status: NT_SUCCESS(STATUS_MORE_ENTRIES) is true. So the
 * first call (SaveBufSize == 0) succeeds with N = 16 > 0 and KMCL never calls
 * again. The rule is about NT_SUCCESS, not about STATUS_SUCCESS only.
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

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_MORE_ENTRIES; // expect: VMB003 {{on the size query}}
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
