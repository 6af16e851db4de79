/* Cross-file discovery, part 1: registers a save callback defined in the
   other file of this case. */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS ExternalSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET ExternalRestore;

NTSTATUS
RegisterExternal(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, ExternalSave, ExternalRestore);
}
