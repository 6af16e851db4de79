/*
 * VMB001 (c): a second, plain prototype of the callback (after the role type
 * declaration) says _IRQL_requires_(VSP_LOCKED_IRQL), and the driver's own
 * macro VSP_LOCKED_IRQL is DISPATCH_LEVEL. That conflicts with the role's
 * PASSIVE_LEVEL; reported at the annotation. The level must be resolved
 * through the file's macros to see it.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_LOCKED_IRQL DISPATCH_LEVEL

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_IRQL_requires_(VSP_LOCKED_IRQL) // expect: VMB001 {{conflicts with its role}}
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
