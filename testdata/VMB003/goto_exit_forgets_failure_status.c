/*
 * VMB003 (a): goto-Exit style. status starts as STATUS_SUCCESS; the size check
 * jumps to Exit but forgets to set status = STATUS_BUFFER_TOO_SMALL. On the
 * first call (SaveBufSize == 0) the shared return at Exit returns
 * STATUS_SUCCESS with N = 16 > 0: the state is lost (size-query message). The
 * other paths reaching Exit are correct (N = 0 for a packet without context,
 * N = 16 <= SaveBufSize after the copy).
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
    NTSTATUS status = STATUS_SUCCESS;
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (state == NULL) {
        *BytesNeeded = 0;
        goto Exit;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) { // expect-note: VMB003 {{Assuming}}
        goto Exit;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));

Exit:
    return status; // expect: VMB003 {{on the size query}}
}
