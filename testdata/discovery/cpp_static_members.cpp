/* Discovery (C++): save callbacks as static member functions of the
   driver's channel class - one defined inline in the class and registered
   through the KMCL method table, one declared with the role type in the
   class and defined out of line. The restore member and the instance
   member with the same parameter list are not save callbacks. */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_SAVED_REQUEST {
    ULONG RequestId;
    ULONG Flags;
};

class VspChannel {
public:
    NTSTATUS Register(KMCL_SERVER_ONLY_METHODS *Methods, bool Legacy);

    static EVT_VMB_CHANNEL_SAVE_PACKET SaveDeclared;
    static EVT_VMB_CHANNEL_RESTORE_PACKET Restore;

    static NTSTATUS
    SaveInline(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspChannel::SaveInline {{passed as the save callback}} // expect: VMB005
    {
        UNREFERENCED_PARAMETER(Channel);
        UNREFERENCED_PARAMETER(Packet);
        UNREFERENCED_PARAMETER(SaveBuf);
        UNREFERENCED_PARAMETER(SaveBufSize);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    /* An instance method: cannot be a KMCL callback, and is not one. */
    NTSTATUS
    SaveInstance(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
    {
        UNREFERENCED_PARAMETER(Channel);
        UNREFERENCED_PARAMETER(Packet);
        UNREFERENCED_PARAMETER(SaveBuf);
        UNREFERENCED_PARAMETER(SaveBufSize);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

private:
    VMBCHANNEL m_Channel = nullptr;
};

_Use_decl_annotations_
NTSTATUS
VspChannel::SaveDeclared(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspChannel::SaveDeclared {{declared with EVT_VMB_CHANNEL_SAVE_PACKET}}
{
    UNREFERENCED_PARAMETER(Channel);
    auto *request = static_cast<VSP_SAVED_REQUEST *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(VSP_SAVED_REQUEST);
    if (SaveBufSize < sizeof(VSP_SAVED_REQUEST)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<VSP_SAVED_REQUEST *>(SaveBuf) = *request;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspChannel::Restore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(VSP_SAVED_REQUEST) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspChannel::Register(KMCL_SERVER_ONLY_METHODS *Methods, bool Legacy)
{
    if (Legacy) {
        return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(m_Channel, &VspChannel::SaveInline, Restore);
    }
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(m_Channel, SaveDeclared, &VspChannel::Restore);
}
