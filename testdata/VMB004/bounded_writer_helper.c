/*
 * VMB004 negative: a small serialization writer keeps the buffer, its size
 * (SaveBufSize) and the bytes used in a structure; its put routine (body in
 * this file) refuses any put that does not fit in the remaining room,
 * Size - Used, which cannot wrap because Used <= Size always holds. Every
 * copy it makes ends at or before SaveBufSize. The callback also checks the
 * total up front, so all three puts succeed. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_WRITER {
    PUCHAR Buffer;
    UINT32 Size;
    UINT32 Used;
} VSP_WRITER, *PVSP_WRITER;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static BOOLEAN
VspWriterPut(PVSP_WRITER Writer, const VOID *Data, UINT32 Length)
{
    if (Writer->Size - Writer->Used < Length) {
        return FALSE;
    }
    RtlCopyMemory(Writer->Buffer + Writer->Used, Data, Length);
    Writer->Used += Length;
    return TRUE;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    VSP_WRITER writer;
    UINT32 needed = sizeof(context->RequestId) + sizeof(context->Flags) + sizeof(context->Offset);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    writer.Buffer = (PUCHAR)SaveBuf;
    writer.Size = SaveBufSize;
    writer.Used = 0;
    if (!VspWriterPut(&writer, &context->RequestId, sizeof(context->RequestId)) ||
        !VspWriterPut(&writer, &context->Flags, sizeof(context->Flags)) ||
        !VspWriterPut(&writer, &context->Offset, sizeof(context->Offset))) {
        return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}
