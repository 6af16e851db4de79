/*
 * VMB004 negative: the tail length is a ULONG, but it is bounded by
 * VSP_MAX_DATA (4096) before the 32-bit sum is formed, so
 * FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length is at most 4104 and cannot
 * wrap. After `SaveBufSize < needed` fails, every write ends within needed.
 * No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1
#define VSP_MAX_DATA 4096

typedef struct _VSP_PACKET_CONTEXT {
    ULONG DataLength;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
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
    ULONG length = context->DataLength;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    if (length > VSP_MAX_DATA) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    needed = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Version = 1;
    saved->DataLength = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
