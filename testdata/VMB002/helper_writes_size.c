/*
 * VMB002 negative: a static helper in this file computes the variable-length
 * size (header + name length) and stores it through its out parameter on
 * every path; a second helper performs the buffer check. The callback
 * passes BytesNeeded to the first helper before any return, so each return
 * follows a write made in the (followed) helper body.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Handle;
    USHORT NameLength;
    WCHAR Name[260];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_OPEN {
    ULONG Handle;
    ULONG NameLength;
    UCHAR Name[1];
} VSP_SAVED_OPEN, *PVSP_SAVED_OPEN;

static VOID
VspComputeSaveSize(_In_opt_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    if (Context == NULL) {
        *Size = 0;
        return;
    }
    *Size = FIELD_OFFSET(VSP_SAVED_OPEN, Name) + Context->NameLength;
}

static BOOLEAN
VspBufferIsLargeEnough(_In_ UINT32 BufferSize, _In_ UINT32 Needed)
{
    return BufferSize >= Needed;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspFsSavePacket;

_Use_decl_annotations_
NTSTATUS
VspFsSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_OPEN saved;
    UINT32 nameLength;

    UNREFERENCED_PARAMETER(Channel);

    VspComputeSaveSize(context, BytesNeeded);
    if (context == NULL) {
        return STATUS_SUCCESS;
    }
    if (!VspBufferIsLargeEnough(SaveBufSize, *BytesNeeded)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    nameLength = context->NameLength;
    saved = (PVSP_SAVED_OPEN)SaveBuf;
    saved->Handle = context->Handle;
    saved->NameLength = nameLength;
    RtlCopyMemory(saved->Name, context->Name, nameLength);
    return STATUS_SUCCESS;
}
