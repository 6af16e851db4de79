/* VMB005 positive (C++): a namespaced save callback with only a plain
   prototype before its definition; registered from outside the namespace.
   A role type declaration of a function with the same name in another
   namespace does not count for this one. */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp::Legacy {
EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;
}

namespace Vsp::Storage {

NTSTATUS SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET RestorePacket;

NTSTATUS
SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{not declared with the role type EVT_VMB_CHANNEL_SAVE_PACKET}}
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
RestorePacket(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

} // namespace Vsp::Storage

NTSTATUS
VspRegisterStorage(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, Vsp::Storage::SavePacket, Vsp::Storage::RestorePacket);
}
