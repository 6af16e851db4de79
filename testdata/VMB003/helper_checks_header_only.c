/*
 * VMB003 (a), size check in a helper: VspBufferHoldsHeader() (followed by the
 * analysis) checks SaveBufSize against the 8-byte header only, while
 * *BytesNeeded reports header + 32-byte payload = 40. The success return is
 * reachable with SaveBufSize 8..39 < N = 40 ("may exceed"; the helper rules
 * out SaveBufSize == 0). The payload copy past the checked header is VMB004.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_HEADER {
    ULONG Version;
    ULONG RequestId;
} VSP_SAVED_HEADER;

typedef struct _VSP_SAVED_PACKET {
    VSP_SAVED_HEADER Header;
    UCHAR Payload[32];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    UCHAR Payload[32];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static BOOLEAN
VspBufferHoldsHeader(UINT32 SaveBufSize)
{
    return SaveBufSize >= sizeof(VSP_SAVED_HEADER);
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (!VspBufferHoldsHeader(SaveBufSize)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Header.Version = 1;
    saved->Header.RequestId = context->RequestId;
    RtlCopyMemory(saved->Payload, context->Payload, sizeof(saved->Payload)); // expect: VMB004
    return STATUS_SUCCESS; // expect: VMB003 {{may exceed}}
}
