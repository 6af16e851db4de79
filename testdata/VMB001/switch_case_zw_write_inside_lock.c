/*
 * VMB001 (a): a switch on the packet type. Only the write case takes the
 * spin lock, and it calls ZwWriteFile (PASSIVE_LEVEL only) before releasing
 * it. The read and flush cases never raise the IRQL; every case leaves the
 * switch at PASSIVE_LEVEL, so the return is fine.
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
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    switch (context->Type) {
    case VspPacketRead:
        context->ReadCount++;
        break;
    case VspPacketWrite:
        KeAcquireSpinLock(&context->Lock, &oldIrql);
        ZwWriteFile(context->JournalFile, NULL, NULL, NULL, &iosb, &context->Offset, sizeof(ULONG64), NULL, NULL); // expect: VMB001 {{'ZwWriteFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL}}
        KeReleaseSpinLock(&context->Lock, oldIrql);
        break;
    case VspPacketFlush:
    default:
        break;
    }
    return STATUS_SUCCESS;
}
