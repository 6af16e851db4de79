/* Discovery (C++): a driver written in C++ keeps its KMCL callbacks with C
   linkage. The role type declaration sits in an extern "C" block, the
   definition in another; a second callback is declared with a one-line
   extern "C" and only registered. The restore callback in the same block is
   not a save callback. */
#include <vmbuskernelmodeclientlibapi.h>

extern "C" {
EVT_VMB_CHANNEL_SAVE_PACKET VspSaveRing;
EVT_VMB_CHANNEL_RESTORE_PACKET VspRestoreRing;
}

extern "C" NTSTATUS VspSaveControl(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);

extern "C" {

_Use_decl_annotations_
NTSTATUS
VspSaveRing(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveRing {{declared with EVT_VMB_CHANNEL_SAVE_PACKET}}
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
VspRestoreRing(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG64) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspSaveControl(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveControl {{passed as the save callback}} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

} // extern "C"

NTSTATUS
VspRegister(VMBCHANNEL Ring, VMBCHANNEL Control)
{
    NTSTATUS status = VmbServerChannelInitSetSaveRestorePacketCallbacks(Ring, VspSaveRing, VspRestoreRing);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Control, VspSaveControl, VspRestoreRing);
}
