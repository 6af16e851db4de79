/*
 * VMB003 (a): no size check at all. *BytesNeeded = 16 and the callback always
 * copies and succeeds, so on the first call (SaveBufSize == 0) it returns
 * STATUS_SUCCESS with N = 16 > 0: the state is lost (the message speaks of the
 * size query). The copy itself writes 16 bytes into a buffer that may be
 * empty or NULL, which is VMB004 on the copy line.
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
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE)); // expect: VMB004
    return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
}
