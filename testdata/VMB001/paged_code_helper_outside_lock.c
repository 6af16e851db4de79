/*
 * No finding: VspLogSave starts with PAGED_CODE() (IRQL <= APC_LEVEL) and
 * itself calls ZwWriteFile (PASSIVE_LEVEL). The callback calls it before
 * taking the spin lock and again after releasing it, both at
 * PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    ULONG RequestId;
    ULONG Generation;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspLogSave(PVSP_PACKET_CONTEXT Context, ULONG Value)
{
    IO_STATUS_BLOCK iosb;

    PAGED_CODE();

    ZwWriteFile(Context->LogFile, NULL, NULL, NULL, &iosb, &Value, sizeof(Value), NULL, NULL);
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG generation;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    VspLogSave(context, context->RequestId);
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    generation = ++context->Generation;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    VspLogSave(context, generation);
    return STATUS_SUCCESS;
}
