/*
 * No finding: the saved size is summed in a loop over at most 4 records,
 * each with a USHORT length, so n <= 4 + 4 * (4 + 65535) cannot wrap. The
 * sum is reported, checked against SaveBufSize before anything is written,
 * and a second loop writes the records. Loops do not change the verdict:
 * success only with n <= SaveBufSize, "too small" only with n > SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_RECORDS 4

typedef struct _VSP_RECORD {
    USHORT Length;
    UCHAR Data[256];
} VSP_RECORD;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RecordCount;
    VSP_RECORD Records[VSP_MAX_RECORDS];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG count;
    UINT32 n;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    count = context->RecordCount;
    if (count > VSP_MAX_RECORDS) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    n = sizeof(ULONG);
    for (i = 0; i < count; i++) {
        n += sizeof(ULONG) + context->Records[i].Length;
    }
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *(PULONG)SaveBuf = count;
    {
        PUCHAR out = (PUCHAR)SaveBuf + sizeof(ULONG);
        for (i = 0; i < count; i++) {
            *(PULONG)out = context->Records[i].Length;
            out += sizeof(ULONG);
            RtlCopyMemory(out, context->Records[i].Data, context->Records[i].Length);
            out += context->Records[i].Length;
        }
    }
    return STATUS_SUCCESS;
}
