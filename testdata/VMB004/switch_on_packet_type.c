/*
 * VMB004 negative: the size depends on the packet type. A first switch picks
 * the size (16 bytes for reads, 32 for writes, none for flushes), one check
 * covers it, and a second switch on the same type writes the matching
 * structure. On each feasible path the structure written is the one that was
 * checked; a 32-byte write after a 16-byte check needs a type that is both
 * read and write, which is infeasible. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_PACKET_TYPE {
    VspPacketRead = 1,
    VspPacketWrite = 2,
    VspPacketFlush = 3,
} VSP_PACKET_TYPE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_PACKET_TYPE Type;
    ULONG64 Offset;
    ULONG Length;
    UCHAR Tag[12];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_READ {
    ULONG64 Offset;
    ULONG Length;
    ULONG Type;
} VSP_SAVED_READ, *PVSP_SAVED_READ;

typedef struct _VSP_SAVED_WRITE {
    ULONG64 Offset;
    ULONG Length;
    ULONG Type;
    UCHAR Tag[12];
    ULONG Reserved;
} VSP_SAVED_WRITE, *PVSP_SAVED_WRITE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    VSP_PACKET_TYPE type = context->Type;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    switch (type) {
    case VspPacketRead:
        needed = sizeof(VSP_SAVED_READ);
        break;
    case VspPacketWrite:
        needed = sizeof(VSP_SAVED_WRITE);
        break;
    default:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    switch (type) {
    case VspPacketRead: {
        PVSP_SAVED_READ read = (PVSP_SAVED_READ)SaveBuf;
        read->Offset = context->Offset;
        read->Length = context->Length;
        read->Type = VspPacketRead;
        break;
    }
    case VspPacketWrite: {
        PVSP_SAVED_WRITE write = (PVSP_SAVED_WRITE)SaveBuf;
        write->Offset = context->Offset;
        write->Length = context->Length;
        write->Type = VspPacketWrite;
        RtlCopyMemory(write->Tag, context->Tag, sizeof(write->Tag));
        write->Reserved = 0;
        break;
    }
    default:
        break;
    }
    return STATUS_SUCCESS;
}
