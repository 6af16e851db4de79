/*
 * Negative: the driver's own macro VSP_NOTIFY_RULES carries a nested
 * conditional contract, `_When_(Wait != FALSE, _IRQL_requires_max_(APC_LEVEL))`,
 * for its external VspNotifyPeer (which blocks only when asked to wait).
 * Under the spin lock the callback calls it with Wait == FALSE, and with
 * Wait == TRUE only after releasing the lock. The _IRQL_requires_max_ nested
 * in the _When_ must stay conditional: a checker that records it as a
 * plain annotation of the declaration flags the first call.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_NOTIFY_RULES \
    _IRQL_requires_max_(DISPATCH_LEVEL) \
    _When_(Wait != FALSE, _IRQL_requires_max_(APC_LEVEL))

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG Pending;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VSP_NOTIFY_RULES
VOID
VspNotifyPeer(_In_ PVSP_PACKET_CONTEXT Context, _In_ BOOLEAN Wait);

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
    VspNotifyPeer(context, FALSE);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    VspNotifyPeer(context, TRUE);
    return STATUS_SUCCESS;
}
