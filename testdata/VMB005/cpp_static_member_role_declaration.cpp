/* VMB005 negative (C++, KMCL V5): the save callback is a static member
   declared in the class with `static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;`
   and defined out of line, then registered through the V5 method table
   (which derives from the V4 one in C++). */
#include <vmbuskernelmodeclientlibapi.h>

class VspQueue {
public:
    explicit VspQueue(VMBCHANNEL Channel) : m_Channel(Channel) {}

    NTSTATUS
    RegisterSaveRestore(PKMCL_SERVER_ONLY_METHODS_V5 Methods)
    {
        return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(m_Channel, this, Save, Restore);
    }

private:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;
    static EVT_VMB_CHANNEL_RESTORE_PACKET_EX Restore;

    VMBCHANNEL m_Channel;
    ULONG m_Generation = 1;
};

_Use_decl_annotations_
NTSTATUS
VspQueue::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *queue = static_cast<VspQueue *>(CallbackContext);
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = queue->m_Generation;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspQueue::Restore(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    auto *queue = static_cast<VspQueue *>(CallbackContext);
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    if (SaveBufSize != sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    queue->m_Generation = *static_cast<PULONG>(SaveBuf);
    return STATUS_SUCCESS;
}
