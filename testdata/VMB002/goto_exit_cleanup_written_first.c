/*
 * VMB002 negative: `goto Exit` clean-up style. *BytesNeeded is set to 0 at
 * entry and to the real size before the buffer check, so every jump to Exit
 * (no context, buffer too small, allocation failure, success) returns with
 * it written. The Exit block frees the temporary snapshot.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'sPsV'

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG Flags;
    UCHAR Descriptor[40];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    UCHAR Descriptor[40];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspPmemSavePacket;

_Use_decl_annotations_
NTSTATUS
VspPmemSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    NTSTATUS status;
    PVSP_PACKET_CONTEXT context;
    PVSP_SAVED_PACKET snapshot = NULL;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;

    context = VmbPacketGetPointer(Packet);
    if (context == NULL) {
        status = STATUS_SUCCESS;
        goto Exit;
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    snapshot = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(VSP_SAVED_PACKET), VSP_POOL_TAG);
    if (snapshot == NULL) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }

    snapshot->Version = 1;
    snapshot->Flags = context->Flags;
    RtlCopyMemory(snapshot->Descriptor, context->Descriptor, sizeof(snapshot->Descriptor));
    RtlCopyMemory(SaveBuf, snapshot, sizeof(VSP_SAVED_PACKET));
    status = STATUS_SUCCESS;

Exit:
    if (snapshot != NULL) {
        ExFreePoolWithTag(snapshot, VSP_POOL_TAG);
    }
    return status;
}
