/*
 * VMB002 positive: the size helper is only prototyped above the callback;
 * its body comes later in the same file, so it is still a callee whose body
 * the analysis sees, not an opaque function (the call is not assumed to be
 * a write). That body returns FALSE without the store for a cancelled
 * request, and the callback then returns STATUS_SUCCESS for it with
 * *BytesNeeded unwritten: that return is a finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_REQUEST_CANCELLED 0x2

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    ULONG RequestId;
    ULONG Progress;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    ULONG Progress;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static BOOLEAN
VspReportSaveSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size);

EVT_VMB_CHANNEL_SAVE_PACKET VspBackupSavePacket;

_Use_decl_annotations_
NTSTATUS
VspBackupSavePacket(
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

    if (!VspReportSaveSize(context, BytesNeeded)) {
        /* Cancelled: nothing left to save. */
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->RequestId = context->RequestId;
    saved->Progress = context->Progress;
    return STATUS_SUCCESS;
}

static BOOLEAN
VspReportSaveSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    if ((Context->Flags & VSP_REQUEST_CANCELLED) != 0) {
        return FALSE;
    }
    *Size = sizeof(VSP_SAVED_PACKET);
    return TRUE;
}
