/*
 * VMB002 negative: the loop over the packet's pending transactions only
 * accumulates a local total (it may run zero times); *BytesNeeded is written
 * once after the loop, unconditionally, so the zero-transaction path is
 * covered too (it reports 0 and succeeds). The copy loop stays within the
 * checked size.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_PENDING 4

typedef struct _VSP_TRANSACTION {
    ULONG Id;
    ULONG Length;
} VSP_TRANSACTION, *PVSP_TRANSACTION;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG PendingCount;
    VSP_TRANSACTION Pending[VSP_MAX_PENDING];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspRdmaSavePacket;

_Use_decl_annotations_
NTSTATUS
VspRdmaSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_TRANSACTION out;
    ULONG count = 0;
    ULONG i;
    UINT32 total = 0;

    UNREFERENCED_PARAMETER(Channel);

    if (context != NULL) {
        count = min(context->PendingCount, VSP_MAX_PENDING);
    }
    for (i = 0; i < count; i++) {
        total += sizeof(VSP_TRANSACTION);
    }

    *BytesNeeded = total;
    if (total == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < total) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    out = (PVSP_TRANSACTION)SaveBuf;
    for (i = 0; i < count; i++) {
        out[i].Id = context->Pending[i].Id;
        out[i].Length = context->Pending[i].Length;
    }
    return STATUS_SUCCESS;
}
