/*
 * VMB003 (c), positive: idle packets are handled correctly (N = 0 and
 * success, nothing written), but the empty call is short-cut before the
 * packet is even looked at. A pending packet therefore answers the empty
 * first call with *BytesNeeded = 0 and STATUS_SUCCESS, while given a buffer
 * the same pending packet has its state copied into SaveBuf: KMCL never makes
 * the second call and that state is lost.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Pending;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx;

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) { // expect-note: VMB003 {{Assuming 'SaveBufSize' is equal to 0}}
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    ctx = VmbPacketGetPointer(Packet);
    if (ctx == NULL || !ctx->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &ctx->State, sizeof(VSP_SAVED_STATE)); // expect-note: VMB003 {{memcpy of 16 bytes}}
    return STATUS_SUCCESS;
}
