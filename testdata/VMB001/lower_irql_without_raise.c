/*
 * VMB001 (b), restoring an IRQL nothing saved: the IRQL is raised only for
 * urgent packets, but KeLowerIrql(oldIrql) runs unconditionally. On the
 * non-urgent path nothing saved an IRQL for it to restore (KeLowerIrql must
 * be given what the matching KeRaiseIrql returned). Reported at KeLowerIrql.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Urgent;
    ULONG Sequence;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    KIRQL oldIrql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    if (context->Urgent) {
        KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
    }
    context->Sequence++;
    KeLowerIrql(oldIrql); // expect: VMB001 {{restores an IRQL that nothing saved}}
    return STATUS_SUCCESS;
}
