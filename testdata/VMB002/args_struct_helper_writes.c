/*
 * VMB002 negative: the callback packs its parameters into a local argument
 * block and hands it to a worker whose body is in this file. The worker
 * writes `*Args->BytesNeeded` - the caller's BytesNeeded pointer, stored in
 * the struct - on every path before returning, so every return of the
 * callback (which returns the worker's status) follows a write.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVE_ARGS {
    PVOID Buffer;
    UINT32 BufferSize;
    PUINT32 BytesNeeded;
} VSP_SAVE_ARGS, *PVSP_SAVE_ARGS;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Sequence;
    ULONG Window;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Sequence;
    ULONG Window;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static NTSTATUS
VspSaveWorker(_In_opt_ PVSP_PACKET_CONTEXT Context, _In_ PVSP_SAVE_ARGS Args)
{
    PVSP_SAVED_PACKET saved;

    if (Context == NULL) {
        *Args->BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *Args->BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (Args->BufferSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)Args->Buffer;
    saved->Sequence = Context->Sequence;
    saved->Window = Context->Window;
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspTcpOffloadSavePacket;

_Use_decl_annotations_
NTSTATUS
VspTcpOffloadSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    VSP_SAVE_ARGS args;

    UNREFERENCED_PARAMETER(Channel);

    args.Buffer = SaveBuf;
    args.BufferSize = SaveBufSize;
    args.BytesNeeded = BytesNeeded;
    return VspSaveWorker(VmbPacketGetPointer(Packet), &args);
}
