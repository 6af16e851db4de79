/*
 * VMB003 (c), positive: the idle check comes first and is correct, but
 * after it a pending packet - one with state - still answers the empty call
 * (SaveBufSize == 0) with *BytesNeeded = 0 and STATUS_SUCCESS. With a buffer
 * the same pending packet has its state written into SaveBuf field by field.
 * The two paths agree on the packet (pending) and differ only in SaveBufSize.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Length;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Pending;
    ULONG RequestId;
    ULONG Length;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED_STATE saved = (PVSP_SAVED_STATE)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    if (ctx == NULL || !ctx->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    if (SaveBufSize == 0) { // expect-note: VMB003 {{Assuming 'SaveBufSize' is equal to 0}}
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->RequestId = ctx->RequestId; // expect-note: VMB003 {{a store of 'ULONG'}}
    saved->Length = ctx->Length;
    return STATUS_SUCCESS;
}
