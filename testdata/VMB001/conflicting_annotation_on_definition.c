/*
 * VMB001 (c): the definition carries _IRQL_requires_(DISPATCH_LEVEL), which
 * contradicts the role (EVT_VMB_CHANNEL_SAVE_PACKET is called at, and must
 * return at, PASSIVE_LEVEL). Reported at the annotation. The body itself is
 * correct at PASSIVE_LEVEL (lock taken and released), so nothing else.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Pending;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
_IRQL_requires_(DISPATCH_LEVEL) // expect: VMB001 {{conflicts with its role}}
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
    context->Pending = 0;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
