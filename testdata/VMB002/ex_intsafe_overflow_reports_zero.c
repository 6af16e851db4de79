/*
 * VMB002 negative (C, KMCL V5): the same computation as a careful driver
 * writes it - *BytesNeeded is set to 0 before any early exit, so the
 * overflow path (RtlULongMult fails) and the success paths all leave a
 * defined size for KMCL.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

typedef struct _VSP_RECORD {
    ULONG Key;
    ULONG Value;
} VSP_RECORD;

typedef struct _VSP_CHANNEL_STATE {
    ULONG RecordCount;
    VSP_RECORD Records[16];
} VSP_CHANNEL_STATE, *PVSP_CHANNEL_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf,
                UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_STATE state = (PVSP_CHANNEL_STATE)CallbackContext;
    ULONG bytes;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    *BytesNeeded = 0;
    status = RtlULongMult(state->RecordCount, sizeof(VSP_RECORD), &bytes);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    if (bytes > sizeof(state->Records)) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    *BytesNeeded = bytes;
    if (SaveBufSize < bytes) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, state->Records, bytes);
    return STATUS_SUCCESS;
}
