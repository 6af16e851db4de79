/*
 * VMB002 negative: the early `return` for a packet without state leaves the
 * __try block before *BytesNeeded is written; the __finally block writes 0
 * when AbnormalTermination() says the __try block was left by a jump. The
 * other exits (falling through, `__leave` when the buffer is too small)
 * write the size first, and for them AbnormalTermination() is false. A
 * checker that took AbnormalTermination() for an unknown value would
 * report the early return.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Status;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN HasState;
    VSP_SAVED_PACKET State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status = STATUS_BUFFER_TOO_SMALL;

    UNREFERENCED_PARAMETER(Channel);

    __try {
        if (!context->HasState) {
            return STATUS_SUCCESS;
        }
        *BytesNeeded = sizeof(VSP_SAVED_PACKET);
        if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
            __leave;
        }
        RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_PACKET));
        status = STATUS_SUCCESS;
    } __finally {
        if (AbnormalTermination()) {
            *BytesNeeded = 0;
        }
    }
    return status;
}
