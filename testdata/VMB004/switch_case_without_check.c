/*
 * VMB004 positive: a switch on the packet type where the read case checks
 * SaveBufSize and the write case does not. On the write path the first store
 * runs with SaveBufSize possibly 0 (the first call). That path also succeeds
 * after asking for 16 bytes (VMB003). The read case and the state-less
 * default case are correct.
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
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_READ {
    ULONG64 Offset;
} VSP_SAVED_READ, *PVSP_SAVED_READ;

typedef struct _VSP_SAVED_WRITE {
    ULONG64 Offset;
    ULONG Length;
    ULONG Reserved;
} VSP_SAVED_WRITE, *PVSP_SAVED_WRITE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_READ read = (PVSP_SAVED_READ)SaveBuf;
    PVSP_SAVED_WRITE write = (PVSP_SAVED_WRITE)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    switch (context->Type) {
    case VspPacketRead:
        *BytesNeeded = sizeof(VSP_SAVED_READ);
        if (SaveBufSize < sizeof(VSP_SAVED_READ)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        read->Offset = context->Offset;
        return STATUS_SUCCESS;

    case VspPacketWrite:
        *BytesNeeded = sizeof(VSP_SAVED_WRITE);
        write->Offset = context->Offset; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
        write->Length = context->Length;
        write->Reserved = 0;
        return STATUS_SUCCESS; // expect: VMB003

    default:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
}
