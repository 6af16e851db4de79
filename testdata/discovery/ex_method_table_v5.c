/* Discovery (C, KMCL V5): the driver gets the V5 server-only method table,
   whose C form has the V4 table as an anonymous member (a Microsoft
   extension). The _EX callback is registered through the table's Ex member,
   the plain one through the inherited member reached through the anonymous
   member; the restore callbacks are not save callbacks. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;
EVT_VMB_CHANNEL_RESTORE_PACKET VspRestoreLegacy;

static NTSTATUS
VspSaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveEx {{passed as the save callback to 'VmbServerChannelInitSetSaveRestorePacketCallbacksEx'}} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 5;
    return STATUS_SUCCESS;
}

static NTSTATUS
VspSaveLegacy(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveLegacy {{passed as the save callback to 'VmbServerChannelInitSetSaveRestorePacketCallbacks'}} // expect: VMB005
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 4;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreLegacy(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterSaveRestore(PKMCL_SERVER_ONLY_METHODS_V5 Methods, ULONG InterfaceVersion, VMBCHANNEL Channel, PVOID Context)
{
    if (InterfaceVersion >= 5) {
        return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSaveEx, VspRestoreEx);
    }
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, VspSaveLegacy, VspRestoreLegacy);
}
