/*
 * No finding: a switch on the packet type with a different saved size per
 * type. Each case reports its own size in *BytesNeeded, fails with
 * STATUS_BUFFER_TOO_SMALL exactly when that size does not fit, and writes
 * only after the check; the flush type has no state (N = 0, success, decided
 * by the type and not by the buffer). Unknown types fail with N = 0.
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
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    switch (context->Type) {
    case VspPacketRead: {
        PVSP_SAVED_READ saved = (PVSP_SAVED_READ)SaveBuf;
        *BytesNeeded = sizeof(VSP_SAVED_READ);
        if (SaveBufSize < sizeof(VSP_SAVED_READ)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        saved->Type = VspPacketRead;
        saved->Length = context->Length;
        status = STATUS_SUCCESS;
        break;
    }
    case VspPacketWrite: {
        PVSP_SAVED_WRITE saved = (PVSP_SAVED_WRITE)SaveBuf;
        *BytesNeeded = sizeof(VSP_SAVED_WRITE);
        if (SaveBufSize < sizeof(VSP_SAVED_WRITE)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        saved->Type = VspPacketWrite;
        saved->Length = context->Length;
        saved->Offset = context->Offset;
        saved->Tag = context->Tag;
        status = STATUS_SUCCESS;
        break;
    }
    case VspPacketFlush:
        *BytesNeeded = 0;
        status = STATUS_SUCCESS;
        break;
    default:
        *BytesNeeded = 0;
        status = STATUS_INVALID_DEVICE_STATE;
        break;
    }
    return status;
}
