/*
 * VMB001 (c), positive, C++: the driver's header declares its callbacks with
 * its own annotation macro, VSP_DPC_CALLBACK, which stands for
 * `_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_same_` (copied from
 * its DPC routines). On the save callback that contradicts the role's
 * PASSIVE_LEVEL; the annotation is found through the macro and reported
 * where the macro is used.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_DPC_CALLBACK _IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_same_

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

VSP_DPC_CALLBACK // expect: VMB001 {{_IRQL_requires_min_(DISPATCH_LEVEL) (written through VSP_DPC_CALLBACK) on a declaration of 'VspSavePacket' conflicts with its role}}
NTSTATUS
VspSavePacket(_In_ VMBCHANNEL Channel, _In_ VMBPACKET Packet, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
              _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

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
