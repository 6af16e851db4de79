/*
 * VMB003 (b) with STATUS_BUFFER_OVERFLOW: the callback reports the real size
 * (N = 16) but compares SaveBufSize with the maximum size of any saved packet
 * (64). With SaveBufSize 16..63 the state fits, yet the callback fails with
 * STATUS_BUFFER_OVERFLOW; KMCL retries with the 16 bytes requested and the
 * save never completes ("fits in").
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_SAVED_SIZE 64

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
    if (SaveBufSize < VSP_MAX_SAVED_SIZE) {
        return STATUS_BUFFER_OVERFLOW; // expect: VMB003 {{fits in}}
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
