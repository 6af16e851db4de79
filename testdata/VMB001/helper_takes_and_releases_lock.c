/*
 * No finding: the helper VspReadCounters takes the spin lock and releases
 * it on both of its exits, so the IRQL is back at PASSIVE_LEVEL whichever
 * way it returns. The callback then calls ZwWriteFile at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN Closed;
    ULONG Completed;
    HANDLE StatsFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static BOOLEAN
VspReadCounters(PVSP_PACKET_CONTEXT Context, PULONG Completed)
{
    KIRQL oldIrql;

    KeAcquireSpinLock(&Context->Lock, &oldIrql);
    if (Context->Closed) {
        KeReleaseSpinLock(&Context->Lock, oldIrql);
        return FALSE;
    }
    *Completed = Context->Completed;
    KeReleaseSpinLock(&Context->Lock, oldIrql);
    return TRUE;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    ULONG completed = 0;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    if (!VspReadCounters(context, &completed)) {
        ZwClose(context->StatsFile);
        return STATUS_SUCCESS;
    }
    ZwWriteFile(context->StatsFile, NULL, NULL, NULL, &iosb, &completed, sizeof(completed), NULL, NULL);
    return STATUS_SUCCESS;
}
