/*
 * VMB003 (c), positive: VspStateBytesThatFit(), which has no body here, is
 * given SaveBufSize and answers how many bytes of the packet's state fit in
 * it. The empty call is short-cut when that answer is 0 - which, with
 * SaveBufSize == 0, it is for every packet, also one with state. Given a
 * buffer, the same packet gets a non-zero answer and its state is copied
 * into SaveBuf. The answer depends on the buffer, so the two paths do not
 * have to agree on it: the empty call loses the state.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG StateLength;
    UCHAR State[64];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

UINT32
VspStateBytesThatFit(_In_ PVSP_PACKET_CONTEXT Context, _In_ UINT32 Available);

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    UINT32 fit = VspStateBytesThatFit(ctx, SaveBufSize);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize == 0 && fit == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(ctx->State);
    if (SaveBufSize < sizeof(ctx->State)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (fit != sizeof(ctx->State)) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    RtlCopyMemory(SaveBuf, ctx->State, sizeof(ctx->State)); // expect-note: VMB003 {{memcpy of 64 bytes}}
    return STATUS_SUCCESS;
}
