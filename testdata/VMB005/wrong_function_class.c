/* VMB005 positive: annotated with the function class of the restore role
   but registered in the save position. */
#include <vmbuskernelmodeclientlibapi.h>

_Function_class_(EVT_VMB_CHANNEL_RESTORE_PACKET)
NTSTATUS
MisclassifiedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005
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

EVT_VMB_CHANNEL_RESTORE_PACKET MisclassifiedRestore;

_Use_decl_annotations_
NTSTATUS
MisclassifiedRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
RegisterSaveRestore(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, MisclassifiedSave, MisclassifiedRestore);
}
