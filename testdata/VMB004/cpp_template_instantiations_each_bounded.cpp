/*
 * VMB004 negative (C++): a function template over the saved-state type,
 * instantiated for a 4-byte and a 16-byte state and registered for two
 * channels. Each instantiation checks and writes exactly sizeof(STATE); a
 * checker that analysed the template once with one size, or mixed the
 * instantiations, could report the 16-byte copy against the 4-byte check.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DISK_STATE {
    ULONG64 Generation;
    ULONG64 Lba;
};

struct VSP_NET_STATE {
    ULONG SendId;
};

template <typename STATE> EVT_VMB_CHANNEL_SAVE_PACKET VspSaveState;
EVT_VMB_CHANNEL_RESTORE_PACKET VspRestoreState;

template <typename STATE>
_Use_decl_annotations_
NTSTATUS
VspSaveState(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *state = static_cast<const STATE *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(STATE);
    if (SaveBufSize < sizeof(STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(STATE));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreState(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(VSP_DISK_STATE) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegister(VMBCHANNEL Disk, VMBCHANNEL Net)
{
    NTSTATUS status = VmbServerChannelInitSetSaveRestorePacketCallbacks(Disk, VspSaveState<VSP_DISK_STATE>, VspRestoreState);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Net, VspSaveState<VSP_NET_STATE>, VspRestoreState);
}
