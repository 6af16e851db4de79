/*
 * No finding: a KMDF wait lock does not raise the IRQL. WdfWaitLockAcquire
 * with a NULL timeout requires PASSIVE_LEVEL and is called there; the
 * ZwWriteFile under the wait lock still runs at PASSIVE_LEVEL (that is
 * what wait locks are for), and WdfWaitLockRelease is fine at any IRQL up
 * to DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <wdf.h>

typedef struct _VSP_PACKET_CONTEXT {
    WDFWAITLOCK JournalLock;
    HANDLE JournalFile;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    WdfWaitLockAcquire(context->JournalLock, NULL);
    ZwWriteFile(context->JournalFile, NULL, NULL, NULL, &iosb, &context->Offset, sizeof(ULONG64), NULL, NULL);
    WdfWaitLockRelease(context->JournalLock);
    return STATUS_SUCCESS;
}
