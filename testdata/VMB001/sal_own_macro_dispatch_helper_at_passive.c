/*
 * VMB001 (a), positive: the driver writes its IRQL contracts through its own
 * macro, `#define VSP_LOCK_HELD _IRQL_requires_(DISPATCH_LEVEL)`, as many
 * drivers do for "caller holds the lock" helpers. The annotation reaches the
 * declaration only through VSP_LOCK_HELD's expansion; it must count like one
 * written directly. The callback calls the helper at PASSIVE_LEVEL without
 * taking the lock.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_LOCK_HELD _IRQL_requires_(DISPATCH_LEVEL)

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Generation;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VSP_LOCK_HELD
static VOID
VspBumpGenerationLocked(_Inout_ PVSP_PACKET_CONTEXT Context)
{
    Context->Generation++;
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
    VspBumpGenerationLocked(context);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    VspBumpGenerationLocked(context); // expect: VMB001 {{'VspBumpGenerationLocked' requires IRQL = DISPATCH_LEVEL but the IRQL is PASSIVE_LEVEL here (lowered by 'KeReleaseSpinLock'}}
    return STATUS_SUCCESS;
}
