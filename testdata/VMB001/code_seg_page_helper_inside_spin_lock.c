/*
 * VMB001 (a), pageable helper: VspCompactHistory is defined between
 * #pragma code_seg("PAGE") and #pragma code_seg(), i.e. in the pageable
 * section, so it requires IRQL <= APC_LEVEL. The callback calls it while
 * holding the spin lock (DISPATCH_LEVEL). Its body does nothing
 * IRQL-restricted.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG History[16];
    ULONG Count;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

#pragma code_seg("PAGE")
static VOID
VspCompactHistory(PVSP_PACKET_CONTEXT Context)
{
    ULONG i;
    for (i = 1; i < 16; i++) {
        Context->History[i - 1] = Context->History[i];
    }
    Context->Count = 15;
}
#pragma code_seg()

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
    if (context->Count == 16) {
        VspCompactHistory(context); // expect: VMB001 {{'VspCompactHistory' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
