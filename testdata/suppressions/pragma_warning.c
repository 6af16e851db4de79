/* Microsoft's #pragma warning with the Code Analysis numbers the rule
   catalogue maps to each rule: suppress (the next line), disable (from here
   on, until pop or default). C6386 is VMB004's, C6101 is VMB002's; C28121
   (VMB001's) hides nothing here. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET SuppressedSave;
EVT_VMB_CHANNEL_SAVE_PACKET OtherNumberSave;
EVT_VMB_CHANNEL_SAVE_PACKET DisabledSave;
EVT_VMB_CHANNEL_SAVE_PACKET RestoredSave;

_Use_decl_annotations_
NTSTATUS
SuppressedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = 0;
#pragma warning(suppress: 6386)
    *(PULONG)SaveBuf = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
OtherNumberSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = 0;
#pragma warning(suppress: 28121)
    *(PULONG)SaveBuf = 0; // expect: VMB004
    return STATUS_SUCCESS;
}

#pragma warning(push)
#pragma warning(disable: 6101)
_Use_decl_annotations_
NTSTATUS
DisabledSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    return STATUS_SUCCESS;
}
#pragma warning(pop)

_Use_decl_annotations_
NTSTATUS
RestoredSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    return STATUS_SUCCESS; // expect: VMB002
}
