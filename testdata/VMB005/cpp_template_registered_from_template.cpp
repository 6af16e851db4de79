/* VMB005 positive (C++, KMCL V5): a save function template without any role
   type declaration, registered from a registration template. Each
   instantiation the driver registers is a save callback of its own (both
   are analysed); the missing declaration is one defect of the template,
   reported once at its definition. */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DISK_STATE {
    ULONG64 Lba;
    ULONG Sectors;
};

struct VSP_NET_STATE {
    ULONG SendId;
};

EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestore;

template <typename STATE>
NTSTATUS
VspSave(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{'VspSave' is used as the save callback}}
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
VspRestore(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(VSP_DISK_STATE) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

template <typename STATE>
NTSTATUS
VspRegisterFor(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSave<STATE>, VspRestore);
}

NTSTATUS
VspRegisterAll(VMBCHANNEL Disk, VMBCHANNEL Net, PVOID Context)
{
    NTSTATUS status = VspRegisterFor<VSP_DISK_STATE>(Disk, Context);
    return NT_SUCCESS(status) ? VspRegisterFor<VSP_NET_STATE>(Net, Context) : status;
}
