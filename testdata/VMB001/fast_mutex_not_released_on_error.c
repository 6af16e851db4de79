/*
 * VMB001 (b): the fast mutex (APC_LEVEL) is released on the success path,
 * but the allocation-failure path returns STATUS_INSUFFICIENT_RESOURCES
 * while still holding it, i.e. at APC_LEVEL. Paged pool at APC_LEVEL is
 * allowed, so the allocation itself is fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX Mutex;
    PVOID Journal;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVOID journal;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ExAcquireFastMutex(&context->Mutex);
    journal = ExAllocatePool2(POOL_FLAG_PAGED, 512, VSP_POOL_TAG);
    if (journal == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES; // expect: VMB001 {{returns at APC_LEVEL}}
    }
    context->Journal = journal;
    ExReleaseFastMutex(&context->Mutex);
    return STATUS_SUCCESS;
}
