/* VMB005 positive (C, KMCL V5): the driver moved its registration to
   VmbServerChannelInitSetSaveRestorePacketCallbacksEx but kept the old role
   type declaration, EVT_VMB_CHANNEL_SAVE_PACKET, and silenced the compiler
   with a cast. KMCL calls it with six arguments; the function reads five. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestorePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
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
VspRestorePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterSaveRestore(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, (PFN_VMB_CHANNEL_SAVE_PACKET_EX)VspSavePacket,
                                                               VspRestorePacketEx);
}
