/* Discovery: _Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET) on the definition
   itself (the annotation expands to nothing under clang; vmbcheck reads it
   from the preprocessor). A _Function_class_ of another role does not
   count. */
#include <vmbuskernelmodeclientlibapi.h>

_Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
ClassAnnotatedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: ClassAnnotatedSave {_Function_class_}
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

_Function_class_(EVT_VMB_CHANNEL_PROCESS_PACKET)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
ProcessPacket(VMBCHANNEL Channel, VMBPACKETCOMPLETION Packet, PVOID Buffer, UINT32 BufferLength, UINT32 Flags)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(BufferLength);
    UNREFERENCED_PARAMETER(Flags);
    VmbChannelPacketComplete(Packet, NULL, 0);
}
