/* A suppression block that is opened and never closed is itself an error: the suppression it
   meant is ambiguous, so it suppresses nothing and the run fails. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET UnbalancedSave;

_Use_decl_annotations_
NTSTATUS
UnbalancedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    // NOLINTBEGIN(VMB002) expect-notification: suppression-error {{without a matching}}
    return STATUS_SUCCESS; // expect: VMB002
}
