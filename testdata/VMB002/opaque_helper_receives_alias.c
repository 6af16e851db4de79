/*
 * VMB002 negative: BytesNeeded is first copied into a local pointer
 * (`sizeOut`), and that alias - the same pointer value - is what is passed
 * to the size routine, which has no body in this translation unit. Passing
 * the BytesNeeded pointer to such a function counts as a write whichever
 * variable carries it, so no return of this callback is a VMB002 finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    PUCHAR Record;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

/* Implemented in vsprecord.c; always sets *Size. */
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
VspGetRecordSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size);

EVT_VMB_CHANNEL_SAVE_PACKET VspAudioSavePacket;

_Use_decl_annotations_
NTSTATUS
VspAudioSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PUINT32 sizeOut = BytesNeeded;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *sizeOut = 0;
        return STATUS_SUCCESS;
    }

    VspGetRecordSize(context, sizeOut);
    if (*sizeOut == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < *sizeOut) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context->Record, *sizeOut);
    return STATUS_SUCCESS;
}
