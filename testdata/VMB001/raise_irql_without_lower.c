/*
 * VMB001 (b): KeRaiseIrql(DISPATCH_LEVEL, &oldIrql) protects a short update,
 * and KeLowerIrql(oldIrql) undoes it on the normal path - but the path for a
 * packet with nothing pending returns before KeLowerIrql, at DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Pending;
    ULONG Generation;
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
    KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
    if (context->Pending == 0) {
        return STATUS_SUCCESS; // expect: VMB001 {{returns at DISPATCH_LEVEL}}
    }
    context->Generation++;
    KeLowerIrql(oldIrql);
    return STATUS_SUCCESS;
}
