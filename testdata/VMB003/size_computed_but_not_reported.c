/*
 * VMB003 (b): *BytesNeeded is cleared up front and the size is computed into
 * a local that is never stored. The "too small" failure therefore asks for
 * N = 0 bytes, and 0 <= SaveBufSize always holds: KMCL has no size to retry
 * with ("fits in"). VMB002 is satisfied (*BytesNeeded is written).
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
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;
    needed = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
    }
    RtlCopyMemory(SaveBuf, state, needed);
    return STATUS_SUCCESS;
}
