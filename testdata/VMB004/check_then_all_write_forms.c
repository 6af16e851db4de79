/*
 * VMB004 negative: after `if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) return
 * STATUS_BUFFER_TOO_SMALL;` the buffer holds at least 40 bytes, and the
 * callback writes within them in every supported way: field stores, a nested
 * structure assignment, indexing into a byte array, a copy into an array
 * field, and a copy of the whole structure. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_RANGE {
    ULONG64 Offset;
    ULONG64 Length;
} VSP_RANGE, *PVSP_RANGE;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG Flags;
    VSP_RANGE Range;
    UCHAR Tag[8];
    UCHAR Cdb[8];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    VSP_RANGE Range;
    UCHAR Cdb[8];
    VSP_SAVED_PACKET Template;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    RtlCopyMemory(saved, &context->Template, sizeof(*saved));
    saved->Version = 2;
    saved->Flags = context->Flags;
    saved->Range = context->Range;
    saved->Tag[0] = 'V';
    saved->Tag[7] = 'P';
    ((PUCHAR)SaveBuf)[sizeof(VSP_SAVED_PACKET) - 1] = 0;
    RtlCopyMemory(saved->Cdb, context->Cdb, sizeof(saved->Cdb));
    return STATUS_SUCCESS;
}
