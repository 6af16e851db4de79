/* VMB005 positive: stored in a PFN_VMB_CHANNEL_SAVE_PACKET global. */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS
GlobalStoredSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {stored in 'g_SaveRoutine'}
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

PFN_VMB_CHANNEL_SAVE_PACKET g_SaveRoutine = GlobalStoredSave;
