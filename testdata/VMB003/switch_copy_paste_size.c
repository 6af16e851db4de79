/*
 * VMB003 (b) inside a switch on the packet type: the write case was copied
 * from the read case and still reports sizeof(VSP_SAVED_READ) = 8 while it
 * checks for sizeof(VSP_SAVED_WRITE) = 24. With SaveBufSize 8..23 the
 * callback fails with STATUS_BUFFER_TOO_SMALL although N = 8 <= SaveBufSize
 * ("fits in"). Its success (N = 8 <= SaveBufSize >= 24) is fine, and so are
 * the other cases.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_PACKET_TYPE { VspPacketRead = 1, VspPacketWrite = 2, VspPacketFlush = 3 } VSP_PACKET_TYPE;

typedef struct _VSP_SAVED_READ {
    ULONG Type;
    ULONG Length;
} VSP_SAVED_READ, *PVSP_SAVED_READ;

typedef struct _VSP_SAVED_WRITE {
    ULONG Type;
    ULONG Length;
    ULONG64 Offset;
    ULONG64 Tag;
} VSP_SAVED_WRITE, *PVSP_SAVED_WRITE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_PACKET_TYPE Type;
    ULONG Length;
    ULONG64 Offset;
    ULONG64 Tag;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    switch (context->Type) {
    case VspPacketRead: {
        PVSP_SAVED_READ saved = (PVSP_SAVED_READ)SaveBuf;
        *BytesNeeded = sizeof(VSP_SAVED_READ);
        if (SaveBufSize < sizeof(VSP_SAVED_READ)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved->Type = VspPacketRead;
        saved->Length = context->Length;
        return STATUS_SUCCESS;
    }
    case VspPacketWrite: {
        PVSP_SAVED_WRITE saved = (PVSP_SAVED_WRITE)SaveBuf;
        *BytesNeeded = sizeof(VSP_SAVED_READ);
        if (SaveBufSize < sizeof(VSP_SAVED_WRITE)) {
            return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
        }
        saved->Type = VspPacketWrite;
        saved->Length = context->Length;
        saved->Offset = context->Offset;
        saved->Tag = context->Tag;
        return STATUS_SUCCESS;
    }
    default:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
}
