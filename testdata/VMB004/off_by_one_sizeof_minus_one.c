/*
 * VMB004 positive: off-by-one in the size check. The callback asks for
 * sizeof(VSP_SAVED_PACKET) == 12 bytes but only rejects buffers smaller than
 * 11, so SaveBufSize == 11 passes. The stores at offsets 0 and 4 end at 4 and
 * 8 and fit; the store to Flags (4 bytes at offset 8, ending at 12) is the
 * first write past the end. Succeeding with 11 bytes after asking for 12 is
 * also VMB003 at the success return.
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
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET) - 1) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Version = 1;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags; // expect: VMB004 {{writes 4 bytes at offset 8}}
    return STATUS_SUCCESS; // expect: VMB003
}
