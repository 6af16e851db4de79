/* VMB005 positive: registered with VmbServerChannelInitSetSaveRestorePacketCallbacks
   but never declared with EVT_VMB_CHANNEL_SAVE_PACKET. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_RESTORE_PACKET PlainRestore;

NTSTATUS
PlainSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {'PlainSave' is used as the save callback}
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
PlainRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
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
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, PlainSave, PlainRestore);
}
