/*
 * No finding: VspLockContext returns with the spin lock held (the old IRQL
 * kept in the context) and VspUnlockContext releases it. Followed as if
 * inlined, the IRQL is DISPATCH_LEVEL only between the two calls, where the
 * callback just copies a field; ZwFlushBuffersFile runs after the unlock,
 * at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    KIRQL LockIrql;
    HANDLE BackingFile;
    BOOLEAN Dirty;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspLockContext(PVSP_PACKET_CONTEXT Context)
{
    KIRQL oldIrql;
    KeAcquireSpinLock(&Context->Lock, &oldIrql);
    Context->LockIrql = oldIrql;
}

static VOID
VspUnlockContext(PVSP_PACKET_CONTEXT Context)
{
    KeReleaseSpinLock(&Context->Lock, Context->LockIrql);
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    BOOLEAN dirty;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    VspLockContext(context);
    dirty = context->Dirty;
    context->Dirty = FALSE;
    VspUnlockContext(context);

    if (dirty) {
        ZwFlushBuffersFile(context->BackingFile, &iosb);
    }
    return STATUS_SUCCESS;
}
