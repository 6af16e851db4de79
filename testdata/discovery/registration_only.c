/* Discovery: no role type declaration, but passed as the SavePacket argument
   of VmbServerChannelInitSetSaveRestorePacketCallbacks (so VMB005 fires too).
   The restore callback passed next to it is not a save callback. */
#include <vmbuskernelmodeclientlibapi.h>

static NTSTATUS
UndeclaredSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: UndeclaredSave {passed as the save callback} // expect: VMB005
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

static

NTSTATUS
UndeclaredRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
RegisterCallbacks(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, UndeclaredSave, UndeclaredRestore);
}
