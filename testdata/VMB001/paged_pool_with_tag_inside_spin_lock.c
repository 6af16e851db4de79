/*
 * VMB001 (a), _When_ decided by the argument: ExAllocatePoolWithTag with
 * PagedPool requires IRQL <= APC_LEVEL (the declaration says
 * _When_(PoolType == PagedPool, _IRQL_requires_max_(APC_LEVEL))). The pool
 * type argument is the constant PagedPool, so the condition is decided;
 * the call is made under the spin lock (DISPATCH_LEVEL).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PVOID History;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVOID history;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    history = ExAllocatePoolWithTag(PagedPool, 128, VSP_POOL_TAG); // expect: VMB001 {{'ExAllocatePoolWithTag' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    if (history != NULL) {
        context->History = history;
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
