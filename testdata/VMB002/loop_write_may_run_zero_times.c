/*
 * VMB002 positive: *BytesNeeded is only written inside the loop over the
 * packet's pending transactions. When the packet has no pending transaction
 * the loop body never runs, and the "nothing pending" return succeeds with
 * *BytesNeeded unwritten. With at least one transaction, the size written in
 * the last iteration equals `needed`, which is checked before the copy.
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

typedef struct _VSP_SAVED_PACKET {
    ULONG Count;
    VSP_TRANSACTION Transactions[VSP_MAX_PENDING];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspPipeSavePacket;

_Use_decl_annotations_
NTSTATUS
VspPipeSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    ULONG count;
    ULONG i;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    count = min(context->PendingCount, VSP_MAX_PENDING);
    for (i = 0; i < count; i++) {
        *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Transactions) + (i + 1) * sizeof(VSP_TRANSACTION);
    }

    if (count == 0) {
        /* Nothing pending: nothing to save. */
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    needed = FIELD_OFFSET(VSP_SAVED_PACKET, Transactions) + count * sizeof(VSP_TRANSACTION);
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Count = count;
    RtlCopyMemory(saved->Transactions, context->Pending, count * sizeof(VSP_TRANSACTION));
    return STATUS_SUCCESS;
}
