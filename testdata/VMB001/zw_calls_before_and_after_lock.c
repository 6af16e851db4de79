/*
 * No finding: PASSIVE_LEVEL-only calls are made before the spin lock is
 * taken (ZwFlushBuffersFile) and after it is released (ZwWriteFile of the
 * snapshot taken under the lock). Inside the lock only plain memory
 * accesses happen.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    ULONG record[2];
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ZwFlushBuffersFile(context->LogFile, &iosb);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    record[0] = context->RequestId;
    record[1] = context->Flags;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, record, sizeof(record), NULL, NULL);
    return STATUS_SUCCESS;
}
