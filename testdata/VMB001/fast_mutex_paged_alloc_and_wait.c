/*
 * No finding: under a fast mutex the IRQL is APC_LEVEL. Everything called
 * there allows APC_LEVEL: ExAllocatePool2 with POOL_FLAG_PAGED
 * (<= APC_LEVEL), KeWaitForSingleObject with no timeout (<= APC_LEVEL) and
 * ExFreePoolWithTag. The mutex is released on both exits, and ZwWriteFile
 * (PASSIVE_LEVEL) runs after the release.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX Mutex;
    KEVENT Idle;
    HANDLE LogFile;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    PULONG record;
    ULONG requestId;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ExAcquireFastMutex(&context->Mutex);
    record = ExAllocatePool2(POOL_FLAG_PAGED, sizeof(ULONG), VSP_POOL_TAG);
    if (record == NULL) {
        ExReleaseFastMutex(&context->Mutex);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeWaitForSingleObject(&context->Idle, Executive, KernelMode, FALSE, NULL);
    *record = context->RequestId;
    requestId = *record;
    ExFreePoolWithTag(record, VSP_POOL_TAG);
    ExReleaseFastMutex(&context->Mutex);

    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &requestId, sizeof(requestId), NULL, NULL);
    return STATUS_SUCCESS;
}
