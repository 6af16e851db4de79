/*
 * No finding (idle packets): whether a packet has state is one bit of its
 * flags. The empty call is answered with *BytesNeeded = 0 and success for
 * `SaveBuf == NULL` only while that bit is clear, and with a buffer the state
 * is written only while it is set. The packet whose empty call succeeds with
 * N == 0 has nothing written for it with a buffer either.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_FLAG_HAS_STATE 0x4

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Length;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE saved;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;
    if (SaveBuf == NULL && (ctx->Flags & VSP_FLAG_HAS_STATE) == 0) {
        return STATUS_SUCCESS;
    }
    if ((ctx->Flags & VSP_FLAG_HAS_STATE) != 0) {
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved = (PVSP_SAVED_STATE)SaveBuf;
        saved->RequestId = ctx->State.RequestId;
        saved->Length = ctx->State.Length;
    }
    return STATUS_SUCCESS;
}
