/* VMB005 positive (C++): a file-local save callback in an anonymous
   namespace, kept in a local initialised with a static_cast to its PFN
   type and registered through the KMCL method table. It has no role type
   declaration. */
#include <vmbuskernelmodeclientlibapi.h>

namespace {

EVT_VMB_CHANNEL_RESTORE_PACKET RestoreCounters;

NTSTATUS
SaveCounters(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{'SaveCounters' is used as the save callback}}
{
    UNREFERENCED_PARAMETER(Channel);
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
RestoreCounters(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 2 * sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

} // namespace

NTSTATUS
VspRegisterCounters(KMCL_SERVER_ONLY_METHODS *Methods, VMBCHANNEL Channel)
{
    auto save = static_cast<PFN_VMB_CHANNEL_SAVE_PACKET>(SaveCounters);
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, save, RestoreCounters);
}
