/*
 * VMB002 positive: a helper with a visible body computes the variable-length
 * size and stores it through its out parameter, but returns
 * STATUS_NOT_SUPPORTED for an unknown context version before that store.
 * The callback propagates the failure with `return status;`, leaving
 * *BytesNeeded unwritten on that path. On the success path the size
 * (header + DataLength) is written, checked and respected by the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_CONTEXT_VERSION_MAX 2

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Version;
    USHORT DataLength;
    UCHAR Data[1024];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG DataLength;
    UCHAR Data[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static NTSTATUS
VspGetSavedSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    if (Context->Version > VSP_CONTEXT_VERSION_MAX) {
        return STATUS_NOT_SUPPORTED;
    }
    *Size = FIELD_OFFSET(VSP_SAVED_PACKET, Data) + Context->DataLength;
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspVideoSavePacket;

_Use_decl_annotations_
NTSTATUS
VspVideoSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    NTSTATUS status;
    UINT32 dataLength;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    status = VspGetSavedSize(context, BytesNeeded);
    if (!NT_SUCCESS(status)) {
        return status; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    if (SaveBufSize < *BytesNeeded) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    dataLength = context->DataLength;
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Version = context->Version;
    saved->DataLength = dataLength;
    RtlCopyMemory(saved->Data, context->Data, dataLength);
    return STATUS_SUCCESS;
}
