/*
 * VMB003 negative (C, KMCL V5): a VSP whose packets carry no state across a
 * save. The _EX callback, registered through the V5 method table, answers
 * every call - the size query included - with success and *BytesNeeded = 0
 * and never touches SaveBuf. Success on the size query is correct here.
 */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveNothing;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreNothing;

_Use_decl_annotations_
NTSTATUS
VspSaveNothing(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    if (SaveBufSize == 0) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreNothing(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegister(PKMCL_SERVER_ONLY_METHODS_V5 Methods, VMBCHANNEL Channel)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, NULL, VspSaveNothing, VspRestoreNothing);
}
