/*
 * No finding: variable-length state with a ULONG length, computed in SIZE_T
 * (64-bit) so header + Length cannot wrap, and rejected (N = 0, a failure
 * that is neither success nor "too small") if it does not fit in the UINT32
 * *BytesNeeded. Otherwise N = (UINT32)n = n, checked before the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAXUINT32 ((SIZE_T)0xFFFFFFFFu)

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Length;
    UCHAR Data[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Length;
    PUCHAR Data;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG length = context->Length;
    SIZE_T n;

    UNREFERENCED_PARAMETER(Channel);

    n = (SIZE_T)FIELD_OFFSET(VSP_SAVED_PACKET, Data) + length;
    if (n > VSP_MAXUINT32) {
        *BytesNeeded = 0;
        return STATUS_INTEGER_OVERFLOW;
    }
    *BytesNeeded = (UINT32)n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = context->RequestId;
    saved->Length = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
