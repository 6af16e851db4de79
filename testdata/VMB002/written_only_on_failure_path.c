/*
 * VMB002 positive: the author only reports the size when the buffer is too
 * small. On the second call (buffer large enough) the callback copies the
 * state and succeeds without writing *BytesNeeded; KMCL reads it after that
 * call too, so the final return is a finding. The failure path and the
 * "no context" path write it.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG Version;
    ULONG Sequence;
    ULONG64 Cookie;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Reserved;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspFcSavePacket;

_Use_decl_annotations_
NTSTATUS
VspFcSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        *BytesNeeded = sizeof(VSP_SAVED_STATE);
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
}
