/* VMB005 negative (C++, KMCL V5): one save routine written once as a
   function template over the saved-state type, declared with the _EX role
   type as a template before its definition. Each registered instantiation
   inherits that declaration. */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DISK_STATE {
    ULONG64 Lba;
    ULONG Sectors;
};

struct VSP_NET_STATE {
    ULONG SendId;
};

template <typename STATE> EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveState;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreState;

template <typename STATE>
_Use_decl_annotations_
NTSTATUS
VspSaveState(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *state = static_cast<const STATE *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(STATE);
    if (SaveBufSize < sizeof(STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<STATE *>(SaveBuf) = *state;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreState(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(VSP_DISK_STATE) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegister(VMBCHANNEL Disk, VMBCHANNEL Net, PVOID Context)
{
    NTSTATUS status = VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Disk, Context, VspSaveState<VSP_DISK_STATE>,
                                                                          VspRestoreState);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Net, Context, VspSaveState<VSP_NET_STATE>, VspRestoreState);
}
