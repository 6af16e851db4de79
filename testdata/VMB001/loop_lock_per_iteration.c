/*
 * No finding: a loop takes each entry's spin lock and releases it in the
 * same iteration, including on the "skip idle entries" continue path
 * (released before continue). After the loop the IRQL is PASSIVE_LEVEL,
 * so ZwWriteFile of the total is allowed.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_ENTRY_COUNT 4

typedef struct _VSP_ENTRY {
    KSPIN_LOCK Lock;
    BOOLEAN Idle;
    ULONG Pending;
} VSP_ENTRY, *PVSP_ENTRY;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_ENTRY Entries[VSP_ENTRY_COUNT];
    HANDLE StatsFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    KIRQL oldIrql;
    ULONG i;
    ULONG total = 0;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    for (i = 0; i < VSP_ENTRY_COUNT; i++) {
        KeAcquireSpinLock(&context->Entries[i].Lock, &oldIrql);
        if (context->Entries[i].Idle) {
            KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
            continue;
        }
        total += context->Entries[i].Pending;
        KeReleaseSpinLock(&context->Entries[i].Lock, oldIrql);
    }
    ZwWriteFile(context->StatsFile, NULL, NULL, NULL, &iosb, &total, sizeof(total), NULL, NULL);
    return STATUS_SUCCESS;
}
