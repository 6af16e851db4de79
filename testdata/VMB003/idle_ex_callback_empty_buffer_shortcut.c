/*
 * VMB003 (c), positive, interface V5 (EVT_VMB_CHANNEL_SAVE_PACKET_EX, the
 * registration context is the second parameter): packets of a channel that
 * does not save are idle and answered with N = 0 correctly, but for a
 * channel that saves, a pending packet answers the empty first call
 * (SaveBuf == NULL) with *BytesNeeded = 0 and STATUS_SUCCESS, while given a
 * buffer the same packet has its state copied into SaveBuf.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_CHANNEL_CONTEXT {
    BOOLEAN SaveEnabled;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Pending;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf,
                UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT channel = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (!channel->SaveEnabled || !ctx->Pending) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    if (SaveBuf == NULL) { // expect-note: VMB003 {{Assuming 'SaveBuf' is equal to NULL}}
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003 {{answers the empty first call}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &ctx->State, sizeof(VSP_SAVED_STATE)); // expect-note: VMB003 {{memcpy}}
    return STATUS_SUCCESS;
}
