/*
 * No finding: KeRaiseIrql(DISPATCH_LEVEL, &oldIrql) and KeLowerIrql(oldIrql)
 * bracket a short update on every path (the early exit lowers first), and
 * ZwClose runs only after the IRQL is back at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Pending;
    ULONG Generation;
    HANDLE Section;
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
        KeLowerIrql(oldIrql);
        return STATUS_SUCCESS;
    }
    context->Generation++;
    KeLowerIrql(oldIrql);

    ZwClose(context->Section);
    return STATUS_SUCCESS;
}
