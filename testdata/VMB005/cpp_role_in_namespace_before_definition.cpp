/* VMB005 negative (C++): the role type declaration sits inside the driver's
   namespace, and the definition is written out of the namespace with a
   qualified name. It is the same function, so the declaration applies. */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {
struct SAVED_REQUEST {
    ULONG RequestId;
    ULONG Offset;
};

EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;
EVT_VMB_CHANNEL_RESTORE_PACKET RestorePacket;
} // namespace Vsp

_Use_decl_annotations_
NTSTATUS
Vsp::SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *request = static_cast<const SAVED_REQUEST *>(VmbPacketGetPointer(Packet));
    *BytesNeeded = sizeof(SAVED_REQUEST);
    if (SaveBufSize < sizeof(SAVED_REQUEST)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<SAVED_REQUEST *>(SaveBuf) = *request;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
Vsp::RestorePacket(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(SAVED_REQUEST) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegister(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, Vsp::SavePacket, Vsp::RestorePacket);
}
