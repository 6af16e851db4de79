/*
 * VMB003 (b): the check demands exactly sizeof(VSP_SAVED_STATE) bytes. KMCL
 * provides a buffer of *at least* the stipulated length, so SaveBufSize > 16
 * is feasible; there N = 16 <= SaveBufSize and STATUS_BUFFER_TOO_SMALL asks
 * for nothing more ("fits in"). The empty call (SaveBufSize == 0) also
 * fails there, correctly, but the return is reported for the larger sizes.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize != sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
