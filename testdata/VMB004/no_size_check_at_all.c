/*
 * VMB004 positive: the callback writes its state without ever looking at
 * SaveBufSize. On the first call SaveBufSize is 0 and SaveBuf may be NULL, so
 * the very first store is out of bounds on that path; the later stores are
 * consequences of the same missing check and are not reported again. The
 * success return then reports 12 bytes of state with a buffer that may be
 * empty, which is VMB003 as well.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
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

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    saved->Version = 1; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    return STATUS_SUCCESS; // expect: VMB003
}
