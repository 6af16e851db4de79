/*
 * VMB002 positive: written with the SEH keywords without underscores, which
 * MSVC's C accepts because a WDK build force-includes warning.h (included
 * here explicitly). The `leave` for a packet without a context jumps to the
 * end of the `try` block before *BytesNeeded is written; the `finally`
 * block runs and the callback returns STATUS_INVALID_DEVICE_STATE with
 * *BytesNeeded unwritten. The other paths write it first.
 */
#include <warning.h>
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Status;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    LONG SaveInProgress;
    VSP_SAVED_PACKET State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = NULL;
    NTSTATUS status = STATUS_INVALID_DEVICE_STATE;

    UNREFERENCED_PARAMETER(Channel);

    try {
        context = VmbPacketGetPointer(Packet);
        if (context == NULL) { // expect-note: VMB002 {{Assuming 'context' is equal to NULL}}
            leave;
        }
        context->SaveInProgress = 1;
        *BytesNeeded = sizeof(VSP_SAVED_PACKET);
        if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
            status = STATUS_BUFFER_TOO_SMALL;
            leave;
        }
        RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_PACKET));
        status = STATUS_SUCCESS;
    } finally {
        if (context != NULL) {
            context->SaveInProgress = 0;
        }
    }
    return status; // expect: VMB002 {{returns STATUS_INVALID_DEVICE_STATE without writing '*BytesNeeded'}}
}
