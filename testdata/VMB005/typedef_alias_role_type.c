/* VMB005 negative: declared with the driver's own typedef of the role
   type. */
#include <vmbuskernelmodeclientlibapi.h>

typedef EVT_VMB_CHANNEL_SAVE_PACKET VSP_SAVE_FN;
VSP_SAVE_FN AliasSave;
EVT_VMB_CHANNEL_RESTORE_PACKET AliasRestore;

_Use_decl_annotations_
NTSTATUS
AliasSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
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
AliasRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
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
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, AliasSave, AliasRestore);
}
