/* VMB005 positive (C++): the save callback is a static member declared in
   the class with a plain prototype and registered; nothing gives it the
   role type, so the compiler cannot check it against the role and Code
   Analysis does not apply the PASSIVE_LEVEL contract. */
#include <vmbuskernelmodeclientlibapi.h>

class VspDevice {
public:
    NTSTATUS
    Register(VMBCHANNEL Channel)
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, SavePacket, RestorePacket);
    }

private:
    static NTSTATUS SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
    static EVT_VMB_CHANNEL_RESTORE_PACKET RestorePacket;
};

NTSTATUS
VspDevice::SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{'SavePacket' is used as the save callback}} {{not declared with the role type EVT_VMB_CHANNEL_SAVE_PACKET}}
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

_Use_decl_annotations_
NTSTATUS
VspDevice::RestorePacket(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
