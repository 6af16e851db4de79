/*
 * No finding: a packet type without state. The callback writes
 * *BytesNeeded = 0 and succeeds on every call; N = 0 <= SaveBufSize always,
 * and it never writes SaveBuf, so the empty first call answered with success
 * loses nothing (not case (c)).
 */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
