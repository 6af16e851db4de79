/*
 * Found by the fuzzer: Microsoft pragmas written inside a struct body.
 * Clang rejects them there (and leaks their tokens, see
 * checker/fuzz/lsan.supp), but the struct and the callback after it are
 * sound: the error is reported, and the callback is still analysed.
 */
#include <vmbuskernelmodeclientlibapi.h>

VOID VspLogSave(VOID);

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
#pragma alloc_text(PAGE, VspLogSave) // expect-notification: compile-error {{cannot appear in struct declaration}}
    ULONG Flags;
#pragma code_seg("PAGE")
    UCHAR Payload[24];
} VSP_SAVED_STATE;

#pragma code_seg()

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,
              UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    VSP_SAVED_STATE state = {0};

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    *BytesNeeded = sizeof(state);
    if (SaveBufSize == 0) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &state, sizeof(state)); // expect: VMB004 {{writes 32 bytes}}
    return STATUS_SUCCESS; // expect: VMB003
}
