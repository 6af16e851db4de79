/*
 * VMB004 negative: after the check against the 16-byte state, the callback
 * writes the state at the start and a 4-byte end marker in the last four
 * bytes of whatever buffer it was given, at offset SaveBufSize - 4. That
 * store ends exactly at SaveBufSize (SaveBufSize >= 16, so the subtraction
 * cannot wrap). If the buffer is exactly 16 bytes the marker overwrites the
 * Reserved field, which is harmless and in bounds. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_END_MARKER 0x444E4556UL

typedef struct _VSP_SAVED_PACKET {
    ULONG64 Offset;
    ULONG Length;
    ULONG Reserved;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG64 Offset;
    ULONG Length;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

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

    saved->Offset = context->Offset;
    saved->Length = context->Length;
    saved->Reserved = 0;
    *(PULONG)((PUCHAR)SaveBuf + SaveBufSize - sizeof(ULONG)) = VSP_END_MARKER;
    return STATUS_SUCCESS;
}
