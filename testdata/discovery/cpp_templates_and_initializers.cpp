/* Discovery (C++, KMCL V5): a function template instantiated for each
   saved-state type and registered as the _EX save callback is one callback
   per registered instantiation; a template helper it calls is not one. A
   PFN_VMB_CHANNEL_SAVE_PACKET_EX member set by a constructor's initializer
   list, and one with a default member initializer, make their functions
   save callbacks too. The _EX restore callback is not one. */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DISK_STATE {
    ULONG64 Lba;
    ULONG Sectors;
};

struct VSP_NET_STATE {
    ULONG SendId;
};

EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;

/* Copies one state record; called by the callbacks, never registered. */
template <typename STATE>
void
VspCopyState(PVOID SaveBuf, const STATE &State)
{
    *static_cast<STATE *>(SaveBuf) = State;
}

template <typename STATE>
NTSTATUS
VspSaveTyped(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveTyped<VSP_DISK_STATE> {{passed as the save callback}} // expect-callback: VspSaveTyped<VSP_NET_STATE> {{passed as the save callback}} // expect: VMB005 VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const STATE *state = static_cast<const STATE *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(STATE);
    if (SaveBufSize < sizeof(STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    VspCopyState(SaveBuf, *state);
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveFromConstructor;
EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveFromDefault;

static NTSTATUS
VspSaveQueued(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveQueued {{stored in}} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

static NTSTATUS
VspSaveIdle(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveIdle {{stored in}} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

class VspSaveRestoreTable {
public:
    VspSaveRestoreTable() : m_Save(VspSaveQueued) {}

    NTSTATUS
    Register(VMBCHANNEL Channel, PVOID Context) const
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, m_Save, VspRestoreEx);
    }

private:
    PFN_VMB_CHANNEL_SAVE_PACKET_EX m_Save;
    PFN_VMB_CHANNEL_SAVE_PACKET_EX m_IdleSave = &VspSaveIdle;
};

_Use_decl_annotations_
NTSTATUS
VspRestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(VSP_DISK_STATE) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterDisk(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSaveTyped<VSP_DISK_STATE>, VspRestoreEx);
}

NTSTATUS
VspRegisterNet(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, &VspSaveTyped<VSP_NET_STATE>, VspRestoreEx);
}
