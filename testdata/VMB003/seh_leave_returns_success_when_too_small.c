/*
 * VMB003 positive: `status` starts as STATUS_SUCCESS and the "buffer too
 * small" check leaves the __try block with `__leave` without setting a
 * failure. The __finally block runs and the callback returns STATUS_SUCCESS
 * with *BytesNeeded larger than SaveBufSize - on the first call (SaveBufSize
 * 0) KMCL then believes the packet has nothing to save. The full-buffer
 * path is correct.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_TRANSFER {
    ULONG TransferId;
    ULONG BytesDone;
    ULONG Flags;
} VSP_SAVED_TRANSFER, *PVSP_SAVED_TRANSFER;

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX Mutex;
    VSP_SAVED_TRANSFER Transfer;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status = STATUS_SUCCESS;

    UNREFERENCED_PARAMETER(Channel);

    ExAcquireFastMutex(&context->Mutex);
    __try {
        *BytesNeeded = sizeof(VSP_SAVED_TRANSFER);
        if (SaveBufSize < sizeof(VSP_SAVED_TRANSFER)) { // expect-note: VMB003 {{Assuming}}
            __leave;
        }
        RtlCopyMemory(SaveBuf, &context->Transfer, sizeof(VSP_SAVED_TRANSFER));
    } __finally {
        ExReleaseFastMutex(&context->Mutex);
    }
    return status; // expect: VMB003
}
