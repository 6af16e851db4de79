/*
 * VMB001 (a) with lock wrappers: VspLockContext raises to DISPATCH_LEVEL
 * (KeAcquireSpinLock) and returns with the lock held, VspUnlockContext
 * releases it. Both are followed as if inlined, so the IRQL is
 * DISPATCH_LEVEL between them - and ZwFlushBuffersFile (PASSIVE_LEVEL only)
 * is called there. The lock is released before the return.
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

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    VspLockContext(context);
    if (context->Dirty) {
        ZwFlushBuffersFile(context->BackingFile, &iosb); // expect: VMB001 {{'ZwFlushBuffersFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL}}
        context->Dirty = FALSE;
    }
    VspUnlockContext(context);
    return STATUS_SUCCESS;
}
