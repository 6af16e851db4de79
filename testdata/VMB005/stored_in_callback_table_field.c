/* VMB005 positive: stored into a PFN_VMB_CHANNEL_SAVE_PACKET field of the
   driver's per-channel callback table at run time. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CALLBACKS {
    PFN_VMB_CHANNEL_SAVE_PACKET SavePacket;
    PFN_VMB_CHANNEL_RESTORE_PACKET RestorePacket;
} VSP_CALLBACKS, *PVSP_CALLBACKS;

NTSTATUS
FieldStoredSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {stored in 'Callbacks->SavePacket'}
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

VOID
VspInitCallbacks(PVSP_CALLBACKS Callbacks)
{
    Callbacks->SavePacket = FieldStoredSave;
    Callbacks->RestorePacket = NULL;
}
