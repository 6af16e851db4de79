/*
 * VMB001 (c): the role type declaration is annotated
 * _IRQL_raises_(DISPATCH_LEVEL), i.e. it claims the callback returns at
 * DISPATCH_LEVEL - but the role requires it to return at PASSIVE_LEVEL.
 * Reported at the annotation. The body itself never raises the IRQL.
 */
#include <vmbuskernelmodeclientlibapi.h>

_IRQL_raises_(DISPATCH_LEVEL) // expect: VMB001 {{conflicts with its role}}
EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
