/*
 * VMB001 (a), IRQL too low, contract from the driver's own annotation:
 * VspBumpGenerationLocked is annotated _IRQL_requires_(DISPATCH_LEVEL) (its
 * callers must hold the spin lock). The callback calls it without taking
 * the lock, at PASSIVE_LEVEL. Its body only touches memory.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Generation;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

_IRQL_requires_(DISPATCH_LEVEL)
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

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    VspBumpGenerationLocked(context); // expect: VMB001 {{'VspBumpGenerationLocked' requires IRQL = DISPATCH_LEVEL but the IRQL is PASSIVE_LEVEL here: nothing raised it on this path}}
    return STATUS_SUCCESS;
}
