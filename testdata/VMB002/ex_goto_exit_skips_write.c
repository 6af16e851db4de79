/*
 * VMB002 positive (C, KMCL V5): the _EX callback funnels every return
 * through an Exit label, but the path for a channel that is shutting down
 * jumps there before *BytesNeeded is written.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    BOOLEAN ShuttingDown;
    ULONG Generation;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    if (context->ShuttingDown) { // expect-note: VMB002 {{Assuming field 'ShuttingDown' is not equal to 0}}
        status = STATUS_INVALID_DEVICE_STATE;
        goto Exit;
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }
    *(PULONG)SaveBuf = context->Generation;
    status = STATUS_SUCCESS;
Exit:
    return status; // expect: VMB002 {{returns STATUS_INVALID_DEVICE_STATE without writing '*BytesNeeded'}}
}
