/*
 * VMB001 (a), pageable helper: VspTouchHistory starts with PAGED_CODE(),
 * declaring that it runs at IRQL <= APC_LEVEL only. The callback calls it
 * with the spin lock held (DISPATCH_LEVEL). The helper's body does nothing
 * else IRQL-restricted, so the call is the only finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
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
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    VspTouchHistory(context); // expect: VMB001 {{'VspTouchHistory' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
