/*
 * VMB004 negative: the buffer is checked in two steps, each before the
 * writes it protects: first against the 8-byte header (then the header is
 * written), then the room left after the header, SaveBufSize - 8 (cannot
 * wrap: SaveBufSize >= 8 here), against the USHORT tail length (then the
 * tail is copied to offset 8). *BytesNeeded holds header + tail from the
 * start, so both failures ask for more than the buffer has. A header written
 * on the second failure path is in bounds. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    USHORT DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG DataLength;
    UCHAR Data[ANYSIZE_ARRAY];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    USHORT length = context->DataLength;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Data)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->DataLength = length;

    if (SaveBufSize - FIELD_OFFSET(VSP_SAVED_PACKET, Data) < length) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
