/*
 * VMB001 (a), positive: the driver's function-like annotation macro
 * VSP_MAX_IRQL(level) expands to _IRQL_requires_max_(level). The helper
 * VspLogToDisk, declared in another file of the driver (no body here), is
 * declared VSP_MAX_IRQL(PASSIVE_LEVEL) because it writes a file. The
 * callback calls it while holding a spin lock.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_IRQL(level) _IRQL_requires_max_(level)

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

VSP_MAX_IRQL(PASSIVE_LEVEL)
NTSTATUS
VspLogToDisk(_In_ ULONG State);

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
    (void)VspLogToDisk(context->State); // expect: VMB001 {{'VspLogToDisk' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
