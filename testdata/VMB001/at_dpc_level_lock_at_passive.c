/*
 * VMB001 (a), IRQL too low: KeAcquireSpinLockAtDpcLevel and
 * KeReleaseSpinLockFromDpcLevel require IRQL >= DISPATCH_LEVEL (they do not
 * raise it themselves). The save callback runs at PASSIVE_LEVEL and nothing
 * raised it, so both calls are findings.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Generation;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

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
    KeAcquireSpinLockAtDpcLevel(&context->Lock); // expect: VMB001 {{'KeAcquireSpinLockAtDpcLevel' requires IRQL >= DISPATCH_LEVEL but the IRQL is PASSIVE_LEVEL here: nothing raised it on this path}}
    context->Generation++;
    KeReleaseSpinLockFromDpcLevel(&context->Lock); // expect: VMB001 {{'KeReleaseSpinLockFromDpcLevel' requires IRQL >= DISPATCH_LEVEL but the IRQL is PASSIVE_LEVEL here}}
    return STATUS_SUCCESS;
}
