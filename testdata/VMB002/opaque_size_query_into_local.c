/*
 * VMB002 positive: the size comes from a routine declared here without a
 * body. It receives the address of a local, not BytesNeeded, so the call is
 * not a write to *BytesNeeded. When it fails, the callback returns its
 * status before copying the local to *BytesNeeded: that return is a finding.
 * On success the size is written, checked and respected.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    PUCHAR Snapshot;
    ULONG SnapshotLength;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

/* Implemented in another translation unit. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
VspQuerySnapshotSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size);

EVT_VMB_CHANNEL_SAVE_PACKET VspGpuSavePacket;

_Use_decl_annotations_
NTSTATUS
VspGpuSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    NTSTATUS status;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    status = VspQuerySnapshotSize(context, &needed);
    if (!NT_SUCCESS(status)) {
        return status; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    *BytesNeeded = needed;
    if (needed == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context->Snapshot, needed);
    return STATUS_SUCCESS;
}
