/*
 * No finding: a pageable helper (PAGED_CODE()) requires IRQL <= APC_LEVEL,
 * and a fast mutex raises the IRQL to exactly APC_LEVEL, so calling the
 * helper while holding the fast mutex is allowed. The helper's body only
 * touches memory. The mutex is released before the return.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX Mutex;
    ULONG History[16];
    ULONG Cursor;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspTouchHistory(PVSP_PACKET_CONTEXT Context)
{
    PAGED_CODE();

    Context->History[Context->Cursor % 16] = Context->RequestId;
    Context->Cursor++;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ExAcquireFastMutex(&context->Mutex);
    VspTouchHistory(context);
    ExReleaseFastMutex(&context->Mutex);
    return STATUS_SUCCESS;
}
