/*
 * VMB002 positive: the callback delegates everything to VspSaveState, which
 * calls VspComputeSize; both bodies are in this file and are followed. For
 * an unknown record kind VspComputeSize returns STATUS_NOT_SUPPORTED without
 * writing the size, VspSaveState passes that status up unchanged, and the
 * callback returns it with *BytesNeeded unwritten. The finding belongs at
 * the callback's return statement. All other paths write the size.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_RECORD_SMALL 1
#define VSP_RECORD_LARGE 2

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Kind;
    UCHAR Record[64];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static NTSTATUS
VspComputeSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    switch (Context->Kind) {
    case VSP_RECORD_SMALL:
        *Size = 16;
        return STATUS_SUCCESS;
    case VSP_RECORD_LARGE:
        *Size = 64;
        return STATUS_SUCCESS;
    default:
        return STATUS_NOT_SUPPORTED;
    }
}

static NTSTATUS
VspSaveState(_In_ PVSP_PACKET_CONTEXT Context, _Out_writes_bytes_(BufferSize) PVOID Buffer,
             _In_ UINT32 BufferSize, _Out_ PUINT32 Needed)
{
    NTSTATUS status;

    status = VspComputeSize(Context, Needed);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (BufferSize < *Needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(Buffer, Context->Record, *Needed);
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSynthSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSynthSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    return VspSaveState(context, SaveBuf, SaveBufSize, BytesNeeded); // expect: VMB002 {{without writing '*BytesNeeded'}}
}
