/* VMB005 positive across files (C++, KMCL V5), part 1: the registration
   through the V5 method table. Vsp::Channel::SavePacketEx is defined in
   save.cpp, where no role type declaration precedes it; SaveControlEx has
   one (in the class). */
#include "vsp_channel.h"

NTSTATUS
Vsp::Channel::Register(PKMCL_SERVER_ONLY_METHODS_V5 Methods, bool Control)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(m_Channel, this, Control ? SaveControlEx : SavePacketEx,
                                                                       RestorePacketEx);
}
