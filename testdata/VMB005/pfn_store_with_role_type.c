/* VMB005 negative: stored in PFN_VMB_CHANNEL_SAVE_PACKET fields and globals,
   with the role type declared first. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CALLBACKS {
    PFN_VMB_CHANNEL_SAVE_PACKET SavePacket;
} VSP_CALLBACKS;

EVT_VMB_CHANNEL_SAVE_PACKET StoredSave;

_Use_decl_annotations_
NTSTATUS
StoredSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
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

PFN_VMB_CHANNEL_SAVE_PACKET g_Save = StoredSave;
VSP_CALLBACKS g_Callbacks = { StoredSave };
