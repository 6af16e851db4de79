/*
 * No finding: the IRQL is raised only to APC_LEVEL (KeRaiseIrql(APC_LEVEL)),
 * and KeWaitForSingleObject with no timeout and KeDelayExecutionThread are
 * both allowed at IRQL <= APC_LEVEL. KeLowerIrql restores PASSIVE_LEVEL
 * before the return.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KEVENT Quiesced;
    BOOLEAN Draining;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    LARGE_INTEGER interval;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    interval.QuadPart = -10000;
    KeRaiseIrql(APC_LEVEL, &oldIrql);
    if (context->Draining) {
        KeWaitForSingleObject(&context->Quiesced, Executive, KernelMode, FALSE, NULL);
    } else {
        KeDelayExecutionThread(KernelMode, FALSE, &interval);
    }
    KeLowerIrql(oldIrql);
    return STATUS_SUCCESS;
}
