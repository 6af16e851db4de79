/*
 * VMB004 positive: *BytesNeeded covers header and payload, but SaveBufSize is
 * only checked against the 8-byte header. The header stores fit; the
 * RtlMoveMemory of PayloadLength bytes to offset 8 runs past a buffer that
 * may hold only 8 bytes whenever PayloadLength is non-zero. The success
 * return with such a buffer is VMB003. The failure return is fine (it fails
 * only below 8 bytes, and *BytesNeeded is at least 8).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1

typedef struct _VSP_PACKET_CONTEXT {
    USHORT PayloadLength;
    PUCHAR PayloadBuffer;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    USHORT PayloadLength;
    USHORT Reserved;
    UCHAR Payload[ANYSIZE_ARRAY];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    USHORT length = context->PayloadLength;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Payload) + length;
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Payload)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Version = 1;
    saved->PayloadLength = length;
    saved->Reserved = 0;
    RtlMoveMemory(saved->Payload, context->PayloadBuffer, length); // expect: VMB004 {{at offset 8}}
    return STATUS_SUCCESS; // expect: VMB003
}
