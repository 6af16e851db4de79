/* VMB005 negative (C++): a class template for the driver's channel kinds
   declares its save callback as `static EVT_VMB_CHANNEL_SAVE_PACKET Save;`
   and defines it out of line; the instantiation's member is registered. */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_CONTROL_STATE {
    ULONG Sequence;
    ULONG Flags;
};

template <typename STATE>
class VspChannel {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET Save;
    static EVT_VMB_CHANNEL_RESTORE_PACKET Restore;

    static NTSTATUS
    Register(VMBCHANNEL Channel)
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, &VspChannel::Save, &VspChannel::Restore);
    }
};

template <typename STATE>
_Use_decl_annotations_
NTSTATUS
VspChannel<STATE>::Save(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *state = static_cast<const STATE *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(STATE);
    if (sizeof(STATE) > SaveBufSize) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(STATE));
    return STATUS_SUCCESS;
}

template <typename STATE>
_Use_decl_annotations_
NTSTATUS
VspChannel<STATE>::Restore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(STATE) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterControlChannel(VMBCHANNEL Channel)
{
    return VspChannel<VSP_CONTROL_STATE>::Register(Channel);
}
