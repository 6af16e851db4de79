/* VMB005 negative across files, part 1: the registration. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET RoleSharedSave;
EVT_VMB_CHANNEL_RESTORE_PACKET RoleSharedRestore;

NTSTATUS
RegisterSaveRestore(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, RoleSharedSave, RoleSharedRestore);
}
