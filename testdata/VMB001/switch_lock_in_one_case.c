/*
 * No finding: a switch on the packet type where only the write case takes
 * the spin lock, copies the offset and releases it before break. Every
 * case leaves the switch at PASSIVE_LEVEL, so the ZwWriteFile after the
 * switch and the return are fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_PACKET_TYPE { VspPacketRead = 1, VspPacketWrite = 2, VspPacketFlush = 3 } VSP_PACKET_TYPE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_PACKET_TYPE Type;
    KSPIN_LOCK Lock;
    HANDLE JournalFile;
    ULONG64 Offset;
    ULONG ReadCount;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    ULONG64 record = 0;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    switch (context->Type) {
    case VspPacketRead:
        context->ReadCount++;
        record = context->ReadCount;
        break;
    case VspPacketWrite:
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        record = context->Offset;
        KeReleaseSpinLock(&context->Lock, oldIrql);
        break;
    case VspPacketFlush:
    default:
        return STATUS_SUCCESS;
    }
    ZwWriteFile(context->JournalFile, NULL, NULL, NULL, &iosb, &record, sizeof(record), NULL, NULL);
    return STATUS_SUCCESS;
}
