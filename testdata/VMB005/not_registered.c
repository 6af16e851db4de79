/* VMB005 negative: a function with the save signature that is never used as
   a callback (only called) needs no role type; neither does the restore
   callback's position. */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS
SerializeState(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

NTSTATUS
Snapshot(VMBCHANNEL Channel, VMBPACKET Packet, PULONG Out)
{
    UINT32 needed = 0;
    return SerializeState(Channel, Packet, Out, sizeof(*Out), &needed);
}
