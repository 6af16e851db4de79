/*
 * VMB004 positive: the common exit block records whether the saved state is
 * valid by storing into the buffer - also on the path that jumped there
 * because the buffer is too small. On the first call (SaveBufSize == 0,
 * SaveBuf possibly NULL) that store is out of bounds. On the success path the
 * buffer was checked and every write fits; the size protocol itself is
 * correct, so VMB003 is silent.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Valid;
    ULONG RequestId;
    ULONG Flags;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    status = STATUS_SUCCESS;

Exit:
    saved->Valid = NT_SUCCESS(status); // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    return status;
}
