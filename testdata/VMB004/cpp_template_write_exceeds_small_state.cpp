/*
 * VMB004 positive (C++, KMCL V5): one save template for two state types.
 * It checks SaveBufSize against sizeof(STATE) but always stamps a 64-bit
 * generation at the start of the buffer. For VSP_DISK_STATE (16 bytes)
 * that fits; for VSP_NET_STATE (4 bytes) it writes 8 bytes into a buffer
 * that may hold only 4. Only that instantiation is wrong.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DISK_STATE {
    ULONG64 Generation;
    ULONG64 Lba;
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
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(STATE);
    if (SaveBufSize < sizeof(STATE)) { // expect-note: VMB004 {{is false}}
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG64>(SaveBuf) = 1; // expect: VMB004 {{writes 8 bytes at offset 0 of 'SaveBuf'}} {{may be as small as 4}}
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
