/*
 * No finding: the spin lock is taken only for shared packets and released
 * under the same condition, tested on a local copy that nothing changes in
 * between. The paths "acquired but not released" and "released but not
 * acquired" are infeasible; on both feasible paths the ZwWriteFile after
 * the release and the return run at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Shared;
    KSPIN_LOCK Lock;
    ULONG RequestId;
    HANDLE LogFile;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    BOOLEAN shared = context->Shared;
    IO_STATUS_BLOCK iosb;
    ULONG requestId;
    KIRQL oldIrql = PASSIVE_LEVEL;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    if (shared) {
        KeAcquireSpinLock(&context->Lock, &oldIrql);
    }
    requestId = context->RequestId;
    if (shared) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
    }
    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &requestId, sizeof(requestId), NULL, NULL);
    return STATUS_SUCCESS;
}
