/* VMB005 negative (C++, KMCL V5): the same file-local callback as a careful
   driver writes it: the role type declaration in the anonymous namespace
   precedes the definition; the registration spells the PFN type with a
   static_cast and picks one of two declared callbacks. */
#include <vmbuskernelmodeclientlibapi.h>

namespace {

EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveCounters;
EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveNothing;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX RestoreCounters;

_Use_decl_annotations_
NTSTATUS
SaveCounters(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = 2 * sizeof(ULONG);
    if (SaveBufSize < 2 * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    static_cast<PULONG>(SaveBuf)[0] = 0;
    static_cast<PULONG>(SaveBuf)[1] = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
SaveNothing(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
RestoreCounters(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= 2 * sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

} // namespace

NTSTATUS
VspRegisterCounters(PKMCL_SERVER_ONLY_METHODS_V5 Methods, VMBCHANNEL Channel, bool Counting)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(
        Channel, nullptr, static_cast<PFN_VMB_CHANNEL_SAVE_PACKET_EX>(Counting ? SaveCounters : SaveNothing),
        RestoreCounters);
}
