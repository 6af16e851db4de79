/*
 * No finding: status starts as STATUS_BUFFER_TOO_SMALL and becomes
 * STATUS_SUCCESS only inside `if (SaveBufSize >= n)` after the copy; one
 * return at the end. On that return, "too small" comes only with n >
 * SaveBufSize and success only with n <= SaveBufSize.
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
    NTSTATUS status = STATUS_BUFFER_TOO_SMALL;
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);
    const UINT32 n = sizeof(VSP_SAVED_STATE);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = n;
    if (SaveBufSize >= n) {
        RtlCopyMemory(SaveBuf, state, n);
        status = STATUS_SUCCESS;
    }
    return status;
}
