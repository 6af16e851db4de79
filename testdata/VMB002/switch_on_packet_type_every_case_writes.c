/*
 * VMB002 negative: a switch on the packet type field (a ULONG from the
 * guest's message). Read and write share the size computation through
 * case fall-through and `break`, control messages write 0, and the default
 * writes 0 before failing. Every path reaches a write before returning.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_PACKET_READ 1
#define VSP_PACKET_WRITE 2
#define VSP_PACKET_CONTROL 3

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Type;
    ULONG Channel;
    ULONG64 Offset;
    ULONG Length;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_IO {
    ULONG Type;
    ULONG Length;
    ULONG64 Offset;
} VSP_SAVED_IO, *PVSP_SAVED_IO;

EVT_VMB_CHANNEL_SAVE_PACKET VspSerialSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSerialSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_IO saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    switch (context->Type) {
    case VSP_PACKET_READ:
    case VSP_PACKET_WRITE:
        *BytesNeeded = sizeof(VSP_SAVED_IO);
        break;

    case VSP_PACKET_CONTROL:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;

    default:
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }

    if (SaveBufSize < sizeof(VSP_SAVED_IO)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_IO)SaveBuf;
    saved->Type = context->Type;
    saved->Length = context->Length;
    saved->Offset = context->Offset;
    return STATUS_SUCCESS;
}
