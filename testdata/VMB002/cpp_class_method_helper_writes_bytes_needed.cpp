/*
 * VMB002 negative (C++): the same design done right. The instance method
 * that serialises the packet writes *BytesNeeded on each of its paths -
 * zero for a packet without a request - and the static member callback
 * only forwards to it. A checker that looks for the write in the callback
 * body alone would report every return.
 */
#include <vmbuskernelmodeclientlibapi.h>

class VspPacket {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET Save;

    NTSTATUS
    SaveTo(PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) const
    {
        if (m_Request == nullptr) {
            *BytesNeeded = 0;
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
    return packet->SaveTo(SaveBuf, SaveBufSize, BytesNeeded);
}
