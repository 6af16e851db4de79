/*
 * VMB004 negative (C++): the same descriptor copy as
 * loop_memcpy_elements_smaller_check.c, with the size computed from the
 * descriptor type, and a second loop that writes through a cursor pointer
 * stepping over the element array. Every copy and every store stays inside
 * FIELD_OFFSET(Elems) + Count * sizeof(VSP_DESCRIPTOR), whatever Count is.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_DESCRIPTOR {
    ULONGLONG Address;
    ULONG Length;
    ULONG Flags;
};

struct VSP_PACKET_CONTEXT {
    ULONG Count;
    VSP_DESCRIPTOR Descriptors[128];
};

struct VSP_SAVED_PACKET {
    ULONG Count;
    ULONG Reserved;
    VSP_DESCRIPTOR Elems[1];
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    auto *saved = static_cast<VSP_SAVED_PACKET *>(SaveBuf);
    const ULONG count = context->Count;

    UNREFERENCED_PARAMETER(Channel);

    if (count > 128) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    const ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Elems) + count * sizeof(VSP_DESCRIPTOR);
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Count = count;
    saved->Reserved = 0;
    for (ULONG i = 0; i < count; i++) {
        RtlCopyMemory(&saved->Elems[i], &context->Descriptors[i], sizeof(VSP_DESCRIPTOR));
    }
    VSP_DESCRIPTOR *cursor = saved->Elems;
    for (ULONG i = 0; i < count; i++) {
        cursor->Flags = 0;
        cursor++;
    }
    return STATUS_SUCCESS;
}
