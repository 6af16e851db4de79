/*
 * VMB004 positive: the tail check is written as "room after the header",
 * SaveBufSize - 8 < length, without first making sure SaveBufSize >= 8. On
 * the first call SaveBufSize is 0, the 32-bit subtraction wraps to
 * 0xFFFFFFF8, the check passes for every USHORT length, and the first header
 * store runs on an empty, maybe NULL buffer. That path then succeeds after
 * asking for at least 8 bytes (VMB003 at the success return). The failure
 * return is only taken with SaveBufSize >= 8 and N > SaveBufSize, so it is
 * fine.
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
    if (SaveBufSize - FIELD_OFFSET(VSP_SAVED_PACKET, Data) < length) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    saved->DataLength = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS; // expect: VMB003
}
