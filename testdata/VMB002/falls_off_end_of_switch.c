/*
 * VMB002 positive: every case of the switch on the message type writes
 * *BytesNeeded and returns, but there is no default: any other message type
 * (a ULONG copied from the guest's message) falls out of the switch and off
 * the end of the callback without writing *BytesNeeded. A path that falls
 * off the end is reported at the end of the function (its closing brace).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MESSAGE_QUERY 1
#define VSP_MESSAGE_SET 2

typedef struct _VSP_PACKET_CONTEXT {
    ULONG MessageType;
    ULONG Oid;
    ULONG Value;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_SET {
    ULONG Oid;
    ULONG Value;
} VSP_SAVED_SET, *PVSP_SAVED_SET;

EVT_VMB_CHANNEL_SAVE_PACKET VspRndisSavePacket;

_Use_decl_annotations_
NTSTATUS
VspRndisSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_SET saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    switch (context->MessageType) {
    case VSP_MESSAGE_QUERY:
        /* Queries are answered again after restore. */
        *BytesNeeded = 0;
        return STATUS_SUCCESS;

    case VSP_MESSAGE_SET:
        *BytesNeeded = sizeof(VSP_SAVED_SET);
        if (SaveBufSize < sizeof(VSP_SAVED_SET)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved = (PVSP_SAVED_SET)SaveBuf;
        saved->Oid = context->Oid;
        saved->Value = context->Value;
        return STATUS_SUCCESS;
    }
} // expect: VMB002 {{without writing '*BytesNeeded'}}
