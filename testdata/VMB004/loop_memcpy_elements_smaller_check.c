/*
 * VMB004 positive: each saved element is a 16-byte descriptor copied with
 * memcpy into &saved->Elems[i], but the size asked for and checked counts
 * only 8 bytes per element (sizeof the context's handle instead of the
 * descriptor). For Count >= 1 the copies of the later half of the elements
 * land past the checked size; which iteration overflows depends on Count, so
 * the copy must be checked at the symbolic index, not only in the first
 * iterations.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_DESCRIPTOR {
    ULONGLONG Address;
    ULONG Length;
    ULONG Flags;
} VSP_DESCRIPTOR;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Count;
    ULONGLONG Handles[128];
    VSP_DESCRIPTOR Descriptors[128];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Count;
    ULONG Reserved;
    VSP_DESCRIPTOR Elems[1];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    ULONG count = context->Count;
    ULONG i;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    if (count == 0 || count > 128) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    needed = FIELD_OFFSET(VSP_SAVED_PACKET, Elems) + count * sizeof(context->Handles[0]);
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Count = count;
    saved->Reserved = 0;
    for (i = 0; i < count; i++) {
        RtlCopyMemory(&saved->Elems[i], &context->Descriptors[i], sizeof(VSP_DESCRIPTOR)); // expect: VMB004 {{writes 16 bytes}}
    }
    return STATUS_SUCCESS;
}
