/* Discovery: the registration function is reached through the KMCL
   server-only method table; the parameter type PFN_VMB_CHANNEL_SAVE_PACKET
   marks the argument as a save callback. Taking the address with & works
   the same. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_RESTORE_PACKET TableRestore;

NTSTATUS
TableSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: TableSave {passed as the save callback to 'VmbServerChannelInitSetSaveRestorePacketCallbacks'} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
TableRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
RegisterThroughTable(KMCL_SERVER_ONLY_METHODS *Methods, VMBCHANNEL Channel)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, &TableSave, TableRestore);
}
