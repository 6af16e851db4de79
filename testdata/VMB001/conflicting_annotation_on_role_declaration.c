/*
 * VMB001 (c): the role type declaration itself is annotated
 * _IRQL_requires_min_(APC_LEVEL), which excludes PASSIVE_LEVEL, the level
 * KMCL calls the save callback at. Reported at the annotation, on that
 * separate declaration; the definition and its body are correct.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

_IRQL_requires_min_(APC_LEVEL) // expect: VMB001 {{conflicts with its role}}
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
