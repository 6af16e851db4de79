/*
 * No finding: the callback takes the spin lock and hands the old IRQL to
 * VspUnlockAndFlush, which releases the lock first and only then calls
 * ZwFlushBuffersFile - at PASSIVE_LEVEL. The callback returns at
 * PASSIVE_LEVEL on both paths (the "clean" path releases directly).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE BackingFile;
    BOOLEAN Dirty;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspUnlockAndFlush(PVSP_PACKET_CONTEXT Context, KIRQL OldIrql)
{
    IO_STATUS_BLOCK iosb;

    Context->Dirty = FALSE;
    KeReleaseSpinLock(&Context->Lock, OldIrql);
    ZwFlushBuffersFile(Context->BackingFile, &iosb);
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (context->Dirty) {
        VspUnlockAndFlush(context, oldIrql);
        return STATUS_SUCCESS;
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
