/*
 * VMB001 (b) positive (C, KMCL V5): the _EX save callback takes the channel
 * context's spin lock and releases it on the success path only; the
 * size-query return (SaveBufSize too small) leaves it held, so the callback
 * returns to KMCL at DISPATCH_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG PendingPackets;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    KeAcquireSpinLock(&context->Lock, &oldIrql); // expect-note: VMB001 {{DISPATCH_LEVEL}}
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB001
    }
    *(PULONG)SaveBuf = context->PendingPackets;
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
