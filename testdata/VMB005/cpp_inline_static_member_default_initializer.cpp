/* VMB005 positive (C++, KMCL V5): a static member defined inline in the
   class, stored by a default member initializer in a
   PFN_VMB_CHANNEL_SAVE_PACKET_EX, without a role type declaration (inside
   the class it would be `static EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveIdle;`). */
#include <vmbuskernelmodeclientlibapi.h>

class VspIdleChannel {
public:
    static NTSTATUS
    SaveIdle(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{stored in field 'm_Save'}}
    {
        UNREFERENCED_PARAMETER(Channel);
        UNREFERENCED_PARAMETER(CallbackContext);
        UNREFERENCED_PARAMETER(Packet);
        UNREFERENCED_PARAMETER(SaveBuf);
        UNREFERENCED_PARAMETER(SaveBufSize);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    static EVT_VMB_CHANNEL_RESTORE_PACKET_EX RestoreIdle;

    NTSTATUS
    Register(VMBCHANNEL Channel)
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, this, m_Save, RestoreIdle);
    }

private:
    PFN_VMB_CHANNEL_SAVE_PACKET_EX m_Save = SaveIdle;
};

_Use_decl_annotations_
NTSTATUS
VspIdleChannel::RestoreIdle(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
