/* VMB005 negative (C++, KMCL V5): the callback keeps C linkage; its role
   type declaration is in an extern "C" block, and the only use is a
   PFN_VMB_CHANNEL_SAVE_PACKET_EX member set by a constructor's initializer
   list (and handed to KMCL later). */
#include <vmbuskernelmodeclientlibapi.h>

extern "C" {
EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveEx;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;
}

struct VSP_SAVE_RESTORE {
    PFN_VMB_CHANNEL_SAVE_PACKET_EX Save;
    PFN_VMB_CHANNEL_RESTORE_PACKET_EX Restore;

    VSP_SAVE_RESTORE() : Save(VspSaveEx), Restore(VspRestoreEx) {}

    NTSTATUS
    Apply(VMBCHANNEL Channel, PVOID Context) const
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, Save, Restore);
    }
};

extern "C" _Use_decl_annotations_
NTSTATUS
VspSaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

extern "C" _Use_decl_annotations_
NTSTATUS
VspRestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
