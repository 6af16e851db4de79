// VMB002 negative (C++): a static member callback switches on the packet
// kind; every case, the default and the early exit for a packet without
// context write *BytesNeeded before returning.
#include <vmbuskernelmodeclientlibapi.h>

enum class PacketKind : ULONG { Read = 1, Write = 2, Flush = 3 };

struct PacketContext {
    PacketKind Kind;
    ULONG Length;
};

class Vsp {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;

private:
    static NTSTATUS Store(PVOID SaveBuf, UINT32 SaveBufSize, const PacketContext &Context,
                          PUINT32 BytesNeeded)
    {
        *BytesNeeded = sizeof(PacketContext);
        if (SaveBufSize < sizeof(PacketContext)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        *static_cast<PacketContext *>(SaveBuf) = Context;
        return STATUS_SUCCESS;
    }
};

_Use_decl_annotations_
NTSTATUS
Vsp::SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize,
                PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *context = static_cast<const PacketContext *>(VmbPacketGetPointer(Packet));
    if (context == nullptr) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    switch (context->Kind) {
    case PacketKind::Read:
    case PacketKind::Write:
        return Store(SaveBuf, SaveBufSize, *context, BytesNeeded);
    case PacketKind::Flush:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    default:
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
}
