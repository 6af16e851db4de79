/*
 * VMB001 negative (C, KMCL V5): the _EX save callback takes the channel
 * context's spin lock (the context arrives as CallbackContext) to read the
 * packet count, and releases it on both paths before the PASSIVE_LEVEL-only
 * log write and before returning.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    ULONG PendingPackets;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    IO_STATUS_BLOCK iosb;
    KIRQL oldIrql;
    ULONG pending;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    if (context->PendingPackets == 0) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    pending = context->PendingPackets;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &pending, sizeof(pending), NULL, NULL);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = pending;
    return STATUS_SUCCESS;
}
