/*
 * VMB001 (a) inside a helper: the callback holds the spin lock while it
 * calls its own helper VspAppendJournal, whose body calls ZwWriteFile
 * (PASSIVE_LEVEL only). The helper is followed as if inlined, so the
 * ZwWriteFile call inside it runs at DISPATCH_LEVEL on this path; that call
 * is the one whose contract is broken. The helper itself has no contract
 * of its own (not pageable, not annotated).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE JournalFile;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static NTSTATUS
VspAppendJournal(PVSP_PACKET_CONTEXT Context, ULONG Value)
{
    IO_STATUS_BLOCK iosb;

    return ZwWriteFile(Context->JournalFile, NULL, NULL, NULL, &iosb, &Value, sizeof(Value), NULL, NULL); // expect: VMB001 {{'ZwWriteFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL}}
}

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
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    VspAppendJournal(context, context->RequestId);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
