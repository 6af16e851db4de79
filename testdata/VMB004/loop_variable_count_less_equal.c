/*
 * VMB004 positive: a variable-length record. The element count comes from
 * the context, the callback asks for FIELD_OFFSET(Elems) + Count *
 * sizeof(element) and checks exactly that before the loop, and the loop
 * runs with `<=`: its last iteration writes Elems[Count], 8 bytes past the
 * checked size, whatever Count is (also Count = 40, found only when the
 * iterations beyond the first few the engine follows one by one are checked).
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_ELEMENT {
    ULONG Id;
    ULONG Length;
} VSP_ELEMENT;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Count;
    VSP_ELEMENT Elements[256];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Count;
    VSP_ELEMENT Elems[1];
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

    UNREFERENCED_PARAMETER(Channel);

    if (count > 256) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    *BytesNeeded = FIELD_OFFSET(VSP_SAVED_PACKET, Elems) + count * sizeof(VSP_ELEMENT);
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Elems) + count * sizeof(VSP_ELEMENT)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Count = count;
    for (i = 0; i <= count; i++) {
        saved->Elems[i].Id = context->Elements[i].Id; // expect: VMB004 {{writes 4 bytes}}
        saved->Elems[i].Length = context->Elements[i].Length;
    }
    return STATUS_SUCCESS;
}
