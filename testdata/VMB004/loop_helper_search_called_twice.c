/*
 * VMB004 positive: a helper searches a 32-entry table (a loop with a branch)
 * and the callback calls it twice, for the request and for the response
 * table. Only when neither search finds anything does the callback also save
 * the 16-byte trailer, which the checked size does not count. The analysis
 * must follow the loop of the second call as far as the first: each call of
 * the helper starts its loop afresh.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_TABLE_SIZE 32

typedef struct _VSP_TABLE {
    ULONG Tags[VSP_TABLE_SIZE];
} VSP_TABLE, *PVSP_TABLE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_TABLE Requests;
    VSP_TABLE Responses;
    ULONG Tag;
    UCHAR Trailer[16];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Request;
    ULONG Response;
    UCHAR Trailer[16];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static ULONG
VspFindTag(PVSP_TABLE Table, ULONG Tag)
{
    ULONG i;
    for (i = 0; i < VSP_TABLE_SIZE; i++) {
        if (Table->Tags[i] == Tag) {
            return i;
        }
    }
    return VSP_TABLE_SIZE;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG request;
    ULONG response;

    UNREFERENCED_PARAMETER(Channel);

    request = VspFindTag(&context->Requests, context->Tag);
    response = VspFindTag(&context->Responses, context->Tag);

    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Trailer);
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Trailer)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Request = request;
    saved->Response = response;
    if (request == VSP_TABLE_SIZE && response == VSP_TABLE_SIZE) {
        RtlCopyMemory(saved->Trailer, context->Trailer, sizeof(saved->Trailer)); // expect: VMB004 {{writes 16 bytes at offset 8}}
    }
    return STATUS_SUCCESS;
}
