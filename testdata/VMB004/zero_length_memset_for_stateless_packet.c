/*
 * VMB004 negative: one code path for packets with and without state. For a
 * packet without a context, needed is 0: the check passes even on the first
 * call (SaveBufSize == 0) and the callback clears `needed` bytes, i.e. a
 * memset of length 0, which writes nothing (end offset 0 <= SaveBufSize).
 * With a context, needed is 12 and the check covers every write. No finding.
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
    UINT32 needed = (context != NULL) ? sizeof(VSP_SAVED_PACKET) : 0;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    memset(SaveBuf, 0, needed);
    if (context != NULL) {
        saved->Version = 1;
        saved->RequestId = context->RequestId;
        saved->Flags = context->Flags;
    }
    return STATUS_SUCCESS;
}
