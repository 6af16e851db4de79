/* VMB005 positive across files, part 1: the registration. */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS SharedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET SharedRestore;

NTSTATUS
RegisterSaveRestore(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, SharedSave, SharedRestore);
}
