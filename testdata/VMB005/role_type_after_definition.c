/* VMB005 positive: a role type declaration exists, but only after the
   definition, so it does not apply to it. */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS
LateSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {comes after its definition}
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

EVT_VMB_CHANNEL_SAVE_PACKET LateSave;
EVT_VMB_CHANNEL_RESTORE_PACKET LateRestore;

_Use_decl_annotations_
NTSTATUS
LateRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
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
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, LateSave, LateRestore);
}
