// VMB002 positive (C++): a callback in a nested namespace rejects a packet
// without context before it answers the size query: that return leaves
// *BytesNeeded unwritten.
#include <vmbuskernelmodeclientlibapi.h>

namespace contoso::vsp {

struct PacketContext {
    ULONG RequestId;
    ULONG Flags;
};

EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;

_Use_decl_annotations_
NTSTATUS
SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    auto *context = static_cast<PacketContext *>(VmbPacketGetPointer(Packet));
    if (context == nullptr) { // expect-note: VMB002 {{Assuming 'context == nullptr' is true}}
        return STATUS_INVALID_PARAMETER; // expect: VMB002
    }
    *BytesNeeded = sizeof(PacketContext);
    if (SaveBufSize < sizeof(PacketContext)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PacketContext *>(SaveBuf) = *context;
    return STATUS_SUCCESS;
}

} // namespace contoso::vsp
