/*
 * VMB003 (a), size written by a helper: VspReportSize() (body in this file,
 * followed) stores *BytesNeeded = 16, and the callback then returns
 * STATUS_SUCCESS to the empty first call. N = 16 > SaveBufSize = 0 on that
 * return, so the state is lost (size-query message). Writing N in a helper
 * does not take the path out of judgment: only a callee without a body does.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

static VOID
VspReportSize(PUINT32 BytesNeeded)
{
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    VspReportSize(BytesNeeded);
    if (SaveBuf == NULL) {
        return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
    }
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
