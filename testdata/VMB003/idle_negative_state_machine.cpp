/*
 * No finding (idle packets), C++: the packet context is a small state
 * machine. On the empty call an idle packet is answered with *BytesNeeded = 0
 * and STATUS_SUCCESS and every other state fails with its size. Given a
 * buffer, the switch answers an idle packet the same way and writes state
 * only for the active states - whose empty call failed. The empty-call
 * success belongs to idle packets only, which have nothing to save.
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

    if (SaveBufSize == 0) {
        if (ctx->State == VspPacketState::Idle) {
            *BytesNeeded = 0;
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(VspSavedState);
        return STATUS_BUFFER_TOO_SMALL;
    }

    switch (ctx->State) {
    case VspPacketState::Idle:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    case VspPacketState::Sending:
    case VspPacketState::Completing:
    default: {
        *BytesNeeded = sizeof(VspSavedState);
        if (SaveBufSize < sizeof(VspSavedState)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        auto* saved = static_cast<VspSavedState*>(SaveBuf);
        saved->RequestId = ctx->RequestId;
        saved->State = ctx->State;
        saved->Offset = ctx->Offset;
        return STATUS_SUCCESS;
    }
    }
}
