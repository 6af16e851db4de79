/*
 * No finding: KeEnterCriticalRegion, KeLeaveCriticalRegion,
 * ExAcquireResourceExclusiveLite and ExReleaseResourceLite are declared
 * here without IRQL annotations (contracts from the DDI table: the first
 * three need IRQL <= APC_LEVEL). A critical region and an ERESOURCE do not
 * raise the IRQL, so they are all called at PASSIVE_LEVEL, and so is
 * ZwFlushBuffersFile after the resource is released.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _ERESOURCE { ULONG_PTR Opaque[13]; } ERESOURCE, *PERESOURCE;

VOID KeEnterCriticalRegion(VOID);
VOID KeLeaveCriticalRegion(VOID);
BOOLEAN ExAcquireResourceExclusiveLite(PERESOURCE Resource, BOOLEAN Wait);
VOID ExReleaseResourceLite(PERESOURCE Resource);

typedef struct _VSP_PACKET_CONTEXT {
    PERESOURCE TableResource;
    ULONG TableGeneration;
    ULONG SavedGeneration;
    HANDLE BackingFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

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
    KeEnterCriticalRegion();
    ExAcquireResourceExclusiveLite(context->TableResource, TRUE);
    context->SavedGeneration = context->TableGeneration++;
    ExReleaseResourceLite(context->TableResource);
    KeLeaveCriticalRegion();

    ZwFlushBuffersFile(context->BackingFile, &iosb);
    return STATUS_SUCCESS;
}
