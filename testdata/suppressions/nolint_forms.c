/* Inline suppressions: NOLINT(rule) on the line, NOLINTNEXTLINE on the line
   before, NOLINTBEGIN/NOLINTEND around a block. A suppression for another
   rule hides nothing. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _STATE { ULONG A, B, C, D; } STATE;

EVT_VMB_CHANNEL_SAVE_PACKET SameLineSave;
EVT_VMB_CHANNEL_SAVE_PACKET NextLineSave;
EVT_VMB_CHANNEL_SAVE_PACKET BlockSave;
EVT_VMB_CHANNEL_SAVE_PACKET OtherRuleSave;

_Use_decl_annotations_
NTSTATUS
SameLineSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = 0;
    RtlZeroMemory(SaveBuf, sizeof(STATE)); // NOLINT(VMB004): the buffer is pre-sized by our KMCL fork
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
NextLineSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = 0;
    // NOLINTNEXTLINE(VMB00*)
    RtlZeroMemory(SaveBuf, sizeof(STATE));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
BlockSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    STATE *state = SaveBuf;
    *BytesNeeded = 0;
    // NOLINTBEGIN(VMB004)
    state->A = 1;
    state->B = 2;
    // NOLINTEND(VMB004)
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
OtherRuleSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = 0;
    RtlZeroMemory(SaveBuf, sizeof(STATE)); // NOLINT(VMB002) does not cover this: expect: VMB004
    return STATUS_SUCCESS;
}
