/*
 * VMB002 negative (C++, KMCL V5): the callback uses a small RAII "size
 * reporter" whose destructor stores the size accumulated so far into
 * *BytesNeeded. Every return runs the destructor, so every path writes
 * *BytesNeeded although no return statement is preceded by a visible
 * store - a checker that does not inline destructors would report them all.
 */
#include <vmbuskernelmodeclientlibapi.h>

class SizeReporter {
public:
    explicit SizeReporter(PUINT32 BytesNeeded) : m_BytesNeeded(BytesNeeded) {}
    ~SizeReporter() { *m_BytesNeeded = m_Size; }
    void Need(UINT32 Size) { m_Size = Size; }
    SizeReporter(const SizeReporter &) = delete;
    SizeReporter &operator=(const SizeReporter &) = delete;

private:
    PUINT32 m_BytesNeeded;
    UINT32 m_Size = 0;
};

struct VSP_REQUEST {
    BOOLEAN Active;
    ULONG Id;
};

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *request = static_cast<const VSP_REQUEST *>(VmbPacketGetPointer(Packet));
    SizeReporter size(BytesNeeded);

    if (!request->Active) {
        return STATUS_SUCCESS;
    }
    size.Need(sizeof(ULONG));
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = request->Id;
    return STATUS_SUCCESS;
}
