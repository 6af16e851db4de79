/* Discovery and parameter mapping: the definition names its parameters
   differently from the role type; the contract applies by position, so the
   unwritten third-from-last "Needed" output is still found (VMB002). */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET RenamedSave;

_Use_decl_annotations_
NTSTATUS
RenamedSave(VMBCHANNEL Ch, VMBPACKET Pkt, PVOID Out, UINT32 OutSize, PUINT32 Needed) // expect-callback: RenamedSave
{
    UNREFERENCED_PARAMETER(Ch);
    UNREFERENCED_PARAMETER(Pkt);
    if (OutSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB002 {{'*Needed'}}
    }
    *Needed = sizeof(ULONG);
    *(PULONG)Out = 7;
    return STATUS_SUCCESS;
}
