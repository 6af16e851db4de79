/*
 * No finding: variable-length state with a ULONG length that is bounded
 * first (Length > VSP_MAX_DATA fails with STATUS_INVALID_DEVICE_STATE and
 * N = 0, which is neither a success nor a "too small" failure). After the
 * bound, n = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + Length <= 8 + 4096 cannot
 * wrap, is reported in *BytesNeeded, and is checked before the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_DATA 4096

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Length;
    UCHAR Data[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Length;
    UCHAR Data[VSP_MAX_DATA];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG length;
    UINT32 n;

    UNREFERENCED_PARAMETER(Channel);

    length = context->Length;
    if (length > VSP_MAX_DATA) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    n = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Length = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
