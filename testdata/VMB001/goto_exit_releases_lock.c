/*
 * No finding: goto-Exit clean-up done right. Every failure after the spin
 * lock is taken sets status and jumps to Exit, where the lock is released
 * before the single return; the PASSIVE_LEVEL-only ZwFlushBuffersFile runs
 * after the Exit block's release. Size protocol: N = 8 reported first;
 * STATUS_BUFFER_TOO_SMALL exactly when SaveBufSize < 8; success only after
 * the check.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN Closed;
    ULONG RequestId;
    ULONG Flags;
    HANDLE BackingFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE saved = (PVSP_SAVED_STATE)SaveBuf;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }
    if (context->Closed) {
        status = STATUS_INVALID_DEVICE_STATE;
        goto Exit;
    }
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;

Exit:
    KeReleaseSpinLock(&context->Lock, oldIrql);
    if (NT_SUCCESS(status)) {
        ZwFlushBuffersFile(context->BackingFile, &iosb);
    }
    return status;
}
