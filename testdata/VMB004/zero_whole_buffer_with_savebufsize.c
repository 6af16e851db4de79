/*
 * VMB004 negative: after the size check the callback clears the whole buffer
 * it was given, RtlZeroMemory(SaveBuf, SaveBufSize) - possibly more than it
 * asked for, but never more than SaveBufSize bytes - and then writes the
 * 12-byte state. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
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

    RtlZeroMemory(SaveBuf, SaveBufSize);
    saved->Version = 1;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    return STATUS_SUCCESS;
}
