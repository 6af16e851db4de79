/* Shared by both files of the case: the channel class of the VSP. The save
   callback is declared as a plain static member, without the role type. */
#ifndef VSP_CHANNEL_H
#define VSP_CHANNEL_H
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

class Channel {
public:
    static NTSTATUS SavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf,
                                 UINT32 SaveBufSize, PUINT32 BytesNeeded);
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveControlEx;
    static EVT_VMB_CHANNEL_RESTORE_PACKET_EX RestorePacketEx;

    NTSTATUS Register(PKMCL_SERVER_ONLY_METHODS_V5 Methods, bool Control);

    VMBCHANNEL m_Channel;
    ULONG m_Generation;
};

} // namespace Vsp
#endif
