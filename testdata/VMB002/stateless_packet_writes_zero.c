/*
 * VMB002 negative: a VSP that never has per-packet state. The only path
 * writes *BytesNeeded = 0 and succeeds, which is the documented answer for
 * a packet with nothing to save (KMCL then makes no second call).
 */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET VspHeartbeatSavePacket;

_Use_decl_annotations_
NTSTATUS
VspHeartbeatSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
