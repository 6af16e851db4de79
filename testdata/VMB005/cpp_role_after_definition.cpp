/* VMB005 positive (C++, KMCL V5): the namespace is reopened after the
   definition to add the role type declarations; the one for the save
   callback comes too late to apply to its definition. */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

NTSTATUS
SaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{its EVT_VMB_CHANNEL_SAVE_PACKET_EX declaration comes after its definition}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG64);
    if (SaveBufSize < sizeof(ULONG64)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG64>(SaveBuf) = 0;
    return STATUS_SUCCESS;
}

} // namespace Vsp

namespace Vsp {
EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveEx;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX RestoreEx;

_Use_decl_annotations_
NTSTATUS
RestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG64) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
} // namespace Vsp

NTSTATUS
VspRegister(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, Vsp::SaveEx, Vsp::RestoreEx);
}
