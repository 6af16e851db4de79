/*
 * VMB003 negative (C, KMCL V5): the _EX callback with the size check
 * written "needed > available", the failure status chosen in a variable
 * and a single exit. Every path reports the size; success only with room.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE context = (PVSP_SAVED_STATE)VmbPacketGetPointer(Packet);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (sizeof(VSP_SAVED_STATE) > SaveBufSize) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
        RtlCopyMemory(SaveBuf, context, sizeof(VSP_SAVED_STATE));
        status = STATUS_SUCCESS;
    }
    return status;
}
