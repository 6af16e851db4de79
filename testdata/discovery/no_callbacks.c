/* Discovery, negative: a process-packet callback, a restore callback
   registered in the restore position, functions with the save signature that
   are only called directly or stored in pointers of other types. None of
   them is a save callback. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_PROCESS_PACKET ProcessPacket;
EVT_VMB_CHANNEL_RESTORE_PACKET OnlyRestore;

_Use_decl_annotations_
VOID
ProcessPacket(VMBCHANNEL Channel, VMBPACKETCOMPLETION Packet, PVOID Buffer, UINT32 BufferLength, UINT32 Flags)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(BufferLength);
    UNREFERENCED_PARAMETER(Flags);
    VmbChannelPacketComplete(Packet, NULL, 0);
}

_Use_decl_annotations_
NTSTATUS
OnlyRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
SaveShapedHelper(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
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

typedef NTSTATUS (*PVSP_OTHER_ROUTINE)(VMBCHANNEL, VMBPACKET, PVOID, UINT32, PUINT32);
PVSP_OTHER_ROUTINE g_Other = SaveShapedHelper;

NTSTATUS
UsesHelperDirectly(VMBCHANNEL Channel, VMBPACKET Packet)
{
    UINT32 needed = 0;
    ULONG buffer = 0;
    NTSTATUS status = SaveShapedHelper(Channel, Packet, &buffer, sizeof(buffer), &needed);
    if (NT_SUCCESS(status)) {
        status = VmbChannelInitSetProcessPacketCallbacks(Channel, ProcessPacket, NULL);
    }
    return status;
}
