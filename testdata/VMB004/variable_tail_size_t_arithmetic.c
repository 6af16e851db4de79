/*
 * VMB004 negative: the tail length is an unbounded ULONG, but the needed size
 * is computed in SIZE_T (64 bits), so header + length cannot wrap. Sizes that
 * do not fit the UINT32 *BytesNeeded are rejected first (a failure that is
 * not a "too small" status). After `SaveBufSize < needed` fails, the header
 * stores and the copy of `length` bytes to offset 8 end within needed. No
 * finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1
#define VSP_MAXULONG 0xFFFFFFFFUL

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG DataLength;
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
    ULONG length = context->DataLength;
    SIZE_T needed = (SIZE_T)FIELD_OFFSET(VSP_SAVED_PACKET, Data) + (SIZE_T)length;

    UNREFERENCED_PARAMETER(Channel);

    if (needed > VSP_MAXULONG) {
        *BytesNeeded = 0;
        return STATUS_INTEGER_OVERFLOW;
    }
    *BytesNeeded = (UINT32)needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId;
    saved->DataLength = length;
    RtlCopyMemory(saved->Data, context->Data, length);
    return STATUS_SUCCESS;
}
