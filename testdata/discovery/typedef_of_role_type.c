/* Discovery: the driver wraps the role type in its own typedef; the
   declaration written with that typedef still gives the save role. */
#include <vmbuskernelmodeclientlibapi.h>

typedef EVT_VMB_CHANNEL_SAVE_PACKET VSP_SAVE_ROUTINE;
VSP_SAVE_ROUTINE AliasedSave;

_Use_decl_annotations_
NTSTATUS
AliasedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: AliasedSave {declared with 'VSP_SAVE_ROUTINE'}
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
