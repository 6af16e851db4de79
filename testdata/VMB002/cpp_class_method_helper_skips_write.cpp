/*
 * VMB002 positive (C++): the static member callback delegates to an
 * instance method of the packet object; that method writes *BytesNeeded
 * only when the packet still has a request attached, and returns
 * STATUS_SUCCESS without writing it otherwise. The finding is reported
 * where the callback returns that status.
 */
#include <vmbuskernelmodeclientlibapi.h>

class VspPacket {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET Save;

    NTSTATUS
    SaveTo(PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) const
    {
        if (m_Request == nullptr) {
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(ULONG);
        if (SaveBufSize < sizeof(ULONG)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        *static_cast<PULONG>(SaveBuf) = m_RequestId;
        return STATUS_SUCCESS;
    }

private:
    PVOID m_Request;
    ULONG m_RequestId;
};

_Use_decl_annotations_
NTSTATUS
VspPacket::Save(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *packet = static_cast<const VspPacket *>(VmbPacketGetPointer(Packet));
    return packet->SaveTo(SaveBuf, SaveBufSize, BytesNeeded); // expect: VMB002 {{'Save' returns STATUS_SUCCESS without writing '*BytesNeeded'}}
}
