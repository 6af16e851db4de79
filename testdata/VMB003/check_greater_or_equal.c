/*
 * No finding: the size check written the other way round, as the success
 * condition `SaveBufSize >= n`. The copy and STATUS_SUCCESS happen only when
 * n = 16 <= SaveBufSize; otherwise (including the first call, SaveBufSize ==
 * 0) the callback fails with STATUS_BUFFER_TOO_SMALL and n > SaveBufSize.
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
    UINT32 n = sizeof(VSP_SAVED_STATE);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = n;
    if (SaveBufSize >= n) {
        RtlCopyMemory(SaveBuf, state, n);
        return STATUS_SUCCESS;
    }
    return STATUS_BUFFER_TOO_SMALL;
}
