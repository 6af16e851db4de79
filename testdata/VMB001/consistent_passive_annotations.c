/*
 * No finding: the callback's declarations carry IRQL annotations, but all
 * of them agree with the role: a plain prototype says
 * _IRQL_requires_(VSP_SAVE_IRQL) (the driver's macro for PASSIVE_LEVEL) and
 * _IRQL_requires_same_, and the definition says
 * _IRQL_requires_max_(PASSIVE_LEVEL). None conflicts with PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SAVE_IRQL PASSIVE_LEVEL

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_IRQL_requires_(VSP_SAVE_IRQL)
_IRQL_requires_same_
NTSTATUS
VspSavePacket(_In_ VMBCHANNEL Channel, _In_ VMBPACKET Packet, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
              _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

_Use_decl_annotations_
_IRQL_requires_max_(PASSIVE_LEVEL)
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
