/*
 * No finding: the size is computed and checked while the context's spin
 * lock is held (the length may change otherwise); the lock is released on
 * both the "too small" path and the success path. n = 8 + USHORT length
 * cannot wrap, is reported, and the failure/success split is exact.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Length;
    UCHAR Data[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG RequestId;
    USHORT Length;
    UCHAR Data[65535];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    KIRQL oldIrql;
    USHORT length;
    UINT32 n;

    UNREFERENCED_PARAMETER(Channel);

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    length = context->Length;
    n = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        KeReleaseSpinLock(&context->Lock, oldIrql);
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Length = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
