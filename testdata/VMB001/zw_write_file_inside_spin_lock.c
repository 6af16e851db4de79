/*
 * VMB001 (a): ZwWriteFile is documented (and annotated) as PASSIVE_LEVEL
 * only, but it is called while the context's spin lock is held, i.e. at
 * DISPATCH_LEVEL. The lock is released on every path, so the return itself
 * is fine: the only finding is the call.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;
    KIRQL oldIrql;
    ULONG requestId;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql); // expect-note: VMB001 {{DISPATCH_LEVEL}}
    requestId = context->RequestId;
    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &requestId, sizeof(requestId), NULL, NULL); // expect: VMB001 {{'ZwWriteFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL here (raised by 'KeAcquireSpinLock' at line 31)}}
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
