/*
 * VMB004 negative: after writing the 16-byte state the callback clears the
 * slack that follows it, RtlZeroMemory((PUCHAR)SaveBuf + 16, SaveBufSize -
 * 16). The check guarantees SaveBufSize >= 16, so the subtraction cannot
 * wrap and the clear ends exactly at SaveBufSize; when the buffer is exactly
 * 16 bytes it is a zero-length clear at the end of the buffer. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG64 Offset;
    ULONG Length;
    ULONG Flags;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED_PACKET State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    *(PVSP_SAVED_PACKET)SaveBuf = context->State;
    RtlZeroMemory((PUCHAR)SaveBuf + sizeof(VSP_SAVED_PACKET), SaveBufSize - sizeof(VSP_SAVED_PACKET));
    return STATUS_SUCCESS;
}
