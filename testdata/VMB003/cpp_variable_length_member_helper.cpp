/*
 * VMB003 negative (C++, KMCL V5): variable-length state. A const member
 * function computes FIELD_OFFSET(header, Data) + the payload length; the
 * static member _EX callback reports it, checks it, then copies header and
 * payload. The payload length is bounded by the context's own array.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_SAVED_MESSAGE {
    ULONG Id;
    ULONG Length;
    UCHAR Data[1];
};

class VspMessage {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;

    UINT32
    SavedSize() const
    {
        return static_cast<UINT32>(FIELD_OFFSET(VSP_SAVED_MESSAGE, Data) + m_Length);
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
    const UINT32 needed = message->SavedSize();
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    auto *saved = static_cast<VSP_SAVED_MESSAGE *>(SaveBuf);
    saved->Id = message->m_Id;
    saved->Length = message->m_Length;
    RtlCopyMemory(saved->Data, message->m_Data, message->m_Length);
    return STATUS_SUCCESS;
}
