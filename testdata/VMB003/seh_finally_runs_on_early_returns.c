/*
 * VMB003 negative: the size query is answered by a `return` inside a
 * __try block whose __finally block drops the packet's reference. The
 * returned status is computed before the __finally block runs (as MSVC
 * does), and the __finally block does not change *BytesNeeded or the
 * status: "too small" goes back with the size that is needed, and success
 * only once the state is in the buffer. A packet that is being torn down
 * leaves through a `goto` out of the __try block, which also runs the
 * __finally block first, and fails with *BytesNeeded 0.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_TRANSFER {
    ULONG TransferId;
    ULONG BytesDone;
} VSP_SAVED_TRANSFER, *PVSP_SAVED_TRANSFER;

typedef struct _VSP_PACKET_CONTEXT {
    LONG References;
    BOOLEAN TearingDown;
    VSP_SAVED_TRANSFER Transfer;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    context->References += 1;
    __try {
        if (context->TearingDown) {
            goto TornDown;
        }
        *BytesNeeded = sizeof(VSP_SAVED_TRANSFER);
        if (SaveBufSize < sizeof(VSP_SAVED_TRANSFER)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        RtlCopyMemory(SaveBuf, &context->Transfer, sizeof(VSP_SAVED_TRANSFER));
        return STATUS_SUCCESS;
    } __finally {
        context->References -= 1;
    }

TornDown:
    *BytesNeeded = 0;
    return STATUS_INVALID_DEVICE_STATE;
}
