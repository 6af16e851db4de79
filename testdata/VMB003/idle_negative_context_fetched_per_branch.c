/*
 * No finding (idle packets): each branch fetches the packet's context itself
 * with VmbPacketGetPointer(Packet). For the same packet both calls return the
 * same pointer, so both branches look at the same Pending flag: a packet
 * that is not pending answers 0 and success on the empty call and has
 * nothing written with a buffer; a pending packet fails the empty call with
 * its size and is copied with a buffer. A checker that took the two calls'
 * results as unrelated would pair the idle empty call with the pending copy.
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

static NTSTATUS
VspAnswerSizeQuery(VMBPACKET Packet, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);

    if (!ctx->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    return STATUS_BUFFER_TOO_SMALL;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx;

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0) {
        return VspAnswerSizeQuery(Packet, BytesNeeded);
    }

    ctx = VmbPacketGetPointer(Packet);
    if (!ctx->Pending) {
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
