/*
 * VMB004 negative: the size check comes first; then the context is copied
 * into the buffer under the packet's spin lock, which is released before the
 * return. The writes under the lock end at 24 <= SaveBufSize, and the lock
 * changes nothing about the bound. No finding (and no VMB001: the lock is
 * released on every path and nothing PASSIVE-only runs under it).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG RequestId;
    ULONG Flags;
    UCHAR Payload[16];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Flags;
    UCHAR Payload[16];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    KeAcquireSpinLock(&context->Lock, &oldIrql);
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    RtlCopyMemory(saved->Payload, context->Payload, sizeof(saved->Payload));
    KeReleaseSpinLock(&context->Lock, oldIrql);

    return STATUS_SUCCESS;
}
