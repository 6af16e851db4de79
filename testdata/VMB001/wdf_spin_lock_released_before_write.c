/*
 * No finding: a KMDF spin lock protects the snapshot; WdfSpinLockRelease
 * restores the IRQL WdfSpinLockAcquire saved in the lock, on both exits.
 * ZwWriteFile runs after the release, at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <wdf.h>

typedef struct _VSP_PACKET_CONTEXT {
    WDFSPINLOCK Lock;
    BOOLEAN InFlight;
    ULONG RequestId;
    HANDLE LogFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    ULONG requestId;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    WdfSpinLockAcquire(context->Lock);
    if (!context->InFlight) {
        WdfSpinLockRelease(context->Lock);
        return STATUS_SUCCESS;
    }
    requestId = context->RequestId;
    WdfSpinLockRelease(context->Lock);

    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &requestId, sizeof(requestId), NULL, NULL);
    return STATUS_SUCCESS;
}
