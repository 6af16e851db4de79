/*
 * VMB004 positive (C, KMCL V5): the _EX callback copies the state into
 * SaveBuf first and checks the size afterwards; on the size query
 * SaveBufSize is 0 (and SaveBuf may be NULL), so the copy runs past the
 * buffer.
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
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);

    RtlCopyMemory(SaveBuf, context, sizeof(VSP_SAVED_STATE)); // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}
