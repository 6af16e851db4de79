/*
 * VMB004 negative (C++, KMCL V5): the driver serialises through a small
 * bounded writer class. Put() checks the remaining room before each
 * memcpy and refuses what does not fit; the callback reports the total
 * first. Every memcpy into SaveBuf is guarded by the writer's own check,
 * which a checker that does not follow the member calls cannot see.
 */
#include <vmbuskernelmodeclientlibapi.h>

class BoundedWriter {
public:
    BoundedWriter(PVOID Buffer, UINT32 Size) : m_Cursor(static_cast<PUCHAR>(Buffer)), m_Remaining(Size) {}

    bool
    Put(const void *Data, UINT32 Length)
    {
        if (Length > m_Remaining) {
            return false;
        }
        memcpy(m_Cursor, Data, Length);
        m_Cursor += Length;
        m_Remaining -= Length;
        return true;
    }

private:
    PUCHAR m_Cursor;
    UINT32 m_Remaining;
};

struct VSP_TRANSFER {
    ULONG Id;
    ULONG64 Offset;
    ULONG Length;
};

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveTransfer;

_Use_decl_annotations_
NTSTATUS
VspSaveTransfer(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *transfer = static_cast<const VSP_TRANSFER *>(VmbPacketGetPointer(Packet));
    BoundedWriter writer(SaveBuf, SaveBufSize);

    *BytesNeeded = sizeof(ULONG) + sizeof(ULONG64) + sizeof(ULONG);
    if (!writer.Put(&transfer->Id, sizeof(ULONG)) ||
        !writer.Put(&transfer->Offset, sizeof(ULONG64)) ||
        !writer.Put(&transfer->Length, sizeof(ULONG))) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}
