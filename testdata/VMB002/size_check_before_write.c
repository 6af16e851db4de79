/*
 * VMB002 positive: the buffer check comes before the size is reported. On
 * the first call (SaveBufSize == 0) the callback fails with
 * STATUS_BUFFER_TOO_SMALL without having written *BytesNeeded, so KMCL has
 * no size to allocate for the second call. That return is the finding; the
 * success path writes the size.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG MessageType;
    ULONG Id;
    ULONG64 Timestamp;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG MessageType;
    ULONG Id;
    ULONG64 Timestamp;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspKbdSavePacket;

_Use_decl_annotations_
NTSTATUS
VspKbdSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) { // expect-note: VMB002 {{Assuming}}
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->MessageType = context->MessageType;
    saved->Id = context->Id;
    saved->Timestamp = context->Timestamp;
    return STATUS_SUCCESS;
}
