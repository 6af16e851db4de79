/*
 * VMB001 (a), contracts from the DDI table: KeEnterCriticalRegion,
 * KeLeaveCriticalRegion, ExAcquireResourceSharedLite and
 * ExReleaseResourceLite are declared here by the driver without IRQL
 * annotations. The table says ExAcquireResourceSharedLite needs
 * IRQL <= APC_LEVEL; it is called while a spin lock is held
 * (DISPATCH_LEVEL). The critical region is entered and left at
 * PASSIVE_LEVEL, and ExReleaseResourceLite (<= DISPATCH_LEVEL) is legal
 * under the lock, so the acquire is the only finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _ERESOURCE { ULONG_PTR Opaque[13]; } ERESOURCE, *PERESOURCE;

VOID KeEnterCriticalRegion(VOID);
VOID KeLeaveCriticalRegion(VOID);
BOOLEAN ExAcquireResourceSharedLite(PERESOURCE Resource, BOOLEAN Wait);
VOID ExReleaseResourceLite(PERESOURCE Resource);

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    PERESOURCE TableResource;
    ULONG TableGeneration;
    ULONG SavedGeneration;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

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
    KeEnterCriticalRegion();
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    ExAcquireResourceSharedLite(context->TableResource, TRUE); // expect: VMB001 {{'ExAcquireResourceSharedLite' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL}}
    context->SavedGeneration = context->TableGeneration;
    ExReleaseResourceLite(context->TableResource);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    KeLeaveCriticalRegion();
    return STATUS_SUCCESS;
}
