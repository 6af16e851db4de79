/* The save callback is registered here but defined in a file that is not
   part of the run: vmbcheck cannot check it and says so (a warning: the run
   analysed everything it was given), instead of passing it in silence. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestorePacketEx;

NTSTATUS
VspInitChannel(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(
        Channel, Context, VspSavePacketEx, VspRestorePacketEx); /* expect-notification: callback-not-found {{no analysed file defines it}} */
}
