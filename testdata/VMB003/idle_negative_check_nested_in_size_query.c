/*
 * No finding (idle packets): the callback first splits on the empty call.
 * Inside it, a packet without a context or not pending is answered with
 * *BytesNeeded = 0 and STATUS_SUCCESS, any other packet fails with the size
 * it needs. Given a buffer, the same idle packet again gets 0 and success and
 * nothing is written; only a pending packet - which failed the empty call -
 * is copied. The success with N == 0 on the empty call is decided by the
 * packet, not by the empty buffer alone.
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
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) {
        if (ctx == NULL || !ctx->Pending) {
            *BytesNeeded = 0;
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        return STATUS_BUFFER_TOO_SMALL;
    }

    if (ctx == NULL || !ctx->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &ctx->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
