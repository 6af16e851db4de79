/*
 * VMB003 (c), positive, C++: the empty call is short-cut for packets that
 * are Completing, on the belief that they have nothing left to save - but
 * the buffer path writes state for every state but Idle, Completing
 * included. A Completing packet answers the empty first call with
 * *BytesNeeded = 0 and STATUS_SUCCESS, and given a buffer the same packet
 * has its state written into SaveBuf: KMCL never asks for it.
 */
#include <vmbuskernelmodeclientlibapi.h>

enum class VspPacketState : ULONG { Idle, Sending, Completing };

struct VspSavedState {
    ULONG RequestId;
    VspPacketState State;
    ULONG64 Offset;
};

struct VspPacketContext {
    VspPacketState State;
    ULONG RequestId;
    ULONG64 Offset;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto* ctx = static_cast<VspPacketContext*>(VmbPacketGetPointer(Packet));

    UNREFERENCED_PARAMETER(Channel);

    if (ctx->State == VspPacketState::Idle) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    if (SaveBufSize == 0 && ctx->State == VspPacketState::Completing) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VspSavedState);
    if (SaveBufSize < sizeof(VspSavedState)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    auto* saved = static_cast<VspSavedState*>(SaveBuf);
    saved->RequestId = ctx->RequestId; // expect-note: VMB003 {{state is written to the save buffer}}
    saved->State = ctx->State;
    saved->Offset = ctx->Offset;
    return STATUS_SUCCESS;
}
