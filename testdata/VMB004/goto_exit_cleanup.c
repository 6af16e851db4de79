/*
 * VMB004 negative: `goto Exit` clean-up. The state is built in a scratch
 * allocation and copied to SaveBuf only after the size check; the exit block
 * frees the scratch buffer and touches nothing in SaveBuf. Failure paths
 * (too small, allocation failure) write nothing to SaveBuf. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
    ULONG Reserved;
    ULONG64 Offset;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET scratch = NULL;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    scratch = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(*scratch), VSP_POOL_TAG);
    if (scratch == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }
    scratch->Version = 1;
    scratch->RequestId = context->RequestId;
    scratch->Flags = context->Flags;
    scratch->Reserved = 0;
    scratch->Offset = context->Offset;

    RtlCopyMemory(SaveBuf, scratch, sizeof(*scratch));
    status = STATUS_SUCCESS;

Exit:
    if (scratch != NULL) {
        ExFreePoolWithTag(scratch, VSP_POOL_TAG);
    }
    return status;
}
