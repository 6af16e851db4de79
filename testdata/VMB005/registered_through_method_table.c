/* VMB005 positive: registered through the KMCL method table pointer (the
   PFN_VMB_CHANNEL_SAVE_PACKET parameter type marks it), with only a plain
   prototype before the definition. */
#include <vmbuskernelmodeclientlibapi.h>

static NTSTATUS TableSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET TableRestore;

static NTSTATUS
TableSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {is not declared with the role type}
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
RegisterSaveRestore(KMCL_SERVER_ONLY_METHODS *Methods, VMBCHANNEL Channel)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, TableSave, TableRestore);
}
