/*
 * VMB004 positive: the callback scrubs the buffer before filling it, but
 * rounds the length up to the 16-byte save alignment: RtlSecureZeroMemory
 * clears 32 bytes while only sizeof(VSP_SAVED_PACKET) == 20 bytes were asked
 * for and checked. RtlSecureZeroMemory is an inline function in the headers;
 * the finding belongs at its call in the callback. *BytesNeeded equals the
 * checked size, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SAVE_ALIGNMENT 16
#define VSP_ALIGN_UP(Size) (((Size) + VSP_SAVE_ALIGNMENT - 1) & ~((SIZE_T)VSP_SAVE_ALIGNMENT - 1))

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
    ULONG Status;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
    ULONG Sequence;
    ULONG Status;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlSecureZeroMemory(SaveBuf, VSP_ALIGN_UP(sizeof(VSP_SAVED_PACKET))); // expect: VMB004 {{writes 32 bytes at offset 0}}
    saved->Version = 1;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    saved->Sequence = context->Sequence;
    saved->Status = context->Status;
    return STATUS_SUCCESS;
}
