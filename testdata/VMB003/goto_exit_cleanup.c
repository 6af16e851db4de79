/*
 * No finding: goto-Exit clean-up. A scratch buffer is allocated, every
 * failure sets status and jumps to Exit, where the scratch buffer is freed
 * and status is returned. At that single return: STATUS_BUFFER_TOO_SMALL
 * only with N = 24 > SaveBufSize, STATUS_INSUFFICIENT_RESOURCES (not judged
 * by (a)/(b)), and STATUS_SUCCESS only after the check passed.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_SAVED_STATE {
    ULONG Version;
    ULONG RequestId;
    ULONG64 Offset;
    ULONG64 Checksum;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    NTSTATUS status = STATUS_SUCCESS;
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE scratch = NULL;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    scratch = ExAllocatePool2(POOL_FLAG_PAGED, sizeof(VSP_SAVED_STATE), VSP_POOL_TAG);
    if (scratch == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }
    scratch->Version = 1;
    scratch->RequestId = context->RequestId;
    scratch->Offset = context->Offset;
    scratch->Checksum = context->RequestId ^ context->Offset;
    RtlCopyMemory(SaveBuf, scratch, sizeof(VSP_SAVED_STATE));

Exit:
    if (scratch != NULL) {
        ExFreePoolWithTag(scratch, VSP_POOL_TAG);
    }
    return status;
}
