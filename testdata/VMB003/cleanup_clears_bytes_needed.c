/*
 * VMB003 (b): a goto-Exit clean-up block "tidies up" after any failure by
 * setting *BytesNeeded = 0. That includes the STATUS_BUFFER_TOO_SMALL
 * failure, which now asks for N = 0 bytes; 0 <= SaveBufSize always holds,
 * so KMCL cannot size the second call ("fits in"). Reported at the shared
 * return; its success path (N = 16 <= SaveBufSize) is fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    NTSTATUS status;
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    status = STATUS_SUCCESS;

Exit:
    if (!NT_SUCCESS(status)) {
        *BytesNeeded = 0; // expect-note: VMB003 {{set to 0}}
    }
    return status; // expect: VMB003 {{fits in}}
}
