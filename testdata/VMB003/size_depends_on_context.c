/*
 * No finding: the size depends on the context (a packet with a payload saves
 * header + payload = 40 bytes, one without saves the 8-byte header only).
 * The same local n is reported, checked and used for the copy, so on each
 * path success means n <= SaveBufSize and "too small" means n > SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG HasPayload;
    UCHAR Payload[32];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_PACKET context = VmbPacketGetPointer(Packet);
    UINT32 n;

    UNREFERENCED_PARAMETER(Channel);

    n = context->HasPayload ? sizeof(VSP_SAVED_PACKET) : FIELD_OFFSET(VSP_SAVED_PACKET, Payload);
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context, n);
    return STATUS_SUCCESS;
}
