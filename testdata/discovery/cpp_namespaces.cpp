/* Discovery (C++): save callbacks live in a named namespace, a nested
   namespace and an anonymous namespace, and are found through their role
   type declaration or their registration. The restore callbacks next to
   them share the parameter shape of a callback but are not save callbacks,
   and neither is a helper with the save signature that nobody registers. */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;

_Use_decl_annotations_
NTSTATUS
SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: Vsp::SavePacket {{declared with}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = 1;
    return STATUS_SUCCESS;
}

namespace Storage {

EVT_VMB_CHANNEL_SAVE_PACKET SaveRequest;
EVT_VMB_CHANNEL_RESTORE_PACKET RestoreRequest;

_Use_decl_annotations_
NTSTATUS
SaveRequest(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: Vsp::Storage::SaveRequest {{declared with}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG64);
    if (SaveBufSize < sizeof(ULONG64)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG64>(SaveBuf) = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
RestoreRequest(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG64) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

} // namespace Storage
} // namespace Vsp

namespace {

EVT_VMB_CHANNEL_SAVE_PACKET LocalSave;
EVT_VMB_CHANNEL_RESTORE_PACKET LocalRestore;

_Use_decl_annotations_
NTSTATUS
LocalSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: (anonymous namespace)::LocalSave {{declared with}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
LocalRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

/* Same parameter list as a save callback, never registered: not one. */
NTSTATUS
CopyLookalike(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

} // namespace

NTSTATUS
RegisterChannels(VMBCHANNEL Primary, VMBCHANNEL Secondary)
{
    NTSTATUS status = VmbServerChannelInitSetSaveRestorePacketCallbacks(
        Primary, Vsp::Storage::SaveRequest, Vsp::Storage::RestoreRequest);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    UNREFERENCED_PARAMETER(CopyLookalike);
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Secondary, LocalSave, LocalRestore);
}
