/*
 * VMB004 positive (C++, KMCL V5): a member function of the message class
 * serialises header and payload, but its check covers the header only; the
 * payload copy that follows can run past SaveBufSize. The static member
 * callback reports the full size, so the same path also succeeds with a
 * buffer smaller than it asked for (VMB003).
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_MESSAGE_HEADER {
    ULONG Id;
    ULONG Length;
};

class VspMessage {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;

    UINT32 SavedSize() const { return static_cast<UINT32>(sizeof(VSP_MESSAGE_HEADER) + m_Length); }

    NTSTATUS
    WriteTo(PVOID SaveBuf, UINT32 SaveBufSize) const
    {
        if (SaveBufSize < sizeof(VSP_MESSAGE_HEADER)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        auto *header = static_cast<VSP_MESSAGE_HEADER *>(SaveBuf);
        header->Id = m_Id;
        header->Length = m_Length;
        RtlCopyMemory(header + 1, m_Data, m_Length); // expect: VMB004 {{writes a variable number of bytes at offset 8}}
        return STATUS_SUCCESS;
    }

private:
    ULONG m_Id;
    ULONG m_Length;
    UCHAR m_Data[64];
};

_Use_decl_annotations_
NTSTATUS
VspMessage::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *message = static_cast<const VspMessage *>(VmbPacketGetPointer(Packet));

    if (message->m_Length > sizeof(message->m_Data)) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    *BytesNeeded = message->SavedSize();
    return message->WriteTo(SaveBuf, SaveBufSize); // expect: VMB003 {{may exceed SaveBufSize}} // expect-note: VMB004 {{Calling 'VspMessage::WriteTo'}}
}
