/*
 * No finding: the state is an array of entries serialised in a loop. The
 * entry count is a UCHAR bounded by the context's array (checked first, with
 * N = 0 and a failure status that is not "too small"), so
 * n = FIELD_OFFSET(VSP_SAVED_LIST, Entries) + count * sizeof(VSP_SAVED_ENTRY)
 * cannot wrap. n is reported, checked before the loop, and the loop writes
 * only entries below count. The loop does not change the status logic.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_ENTRIES 16

typedef struct _VSP_SAVED_ENTRY {
    ULONG Id;
    ULONG Value;
} VSP_SAVED_ENTRY;

typedef struct _VSP_SAVED_LIST {
    ULONG Count;
    VSP_SAVED_ENTRY Entries[1];
} VSP_SAVED_LIST, *PVSP_SAVED_LIST;

typedef struct _VSP_PACKET_CONTEXT {
    UCHAR Count;
    VSP_SAVED_ENTRY Entries[VSP_MAX_ENTRIES];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_LIST saved = (PVSP_SAVED_LIST)SaveBuf;
    UCHAR count;
    UINT32 n;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);

    count = context->Count;
    if (count > VSP_MAX_ENTRIES) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    n = FIELD_OFFSET(VSP_SAVED_LIST, Entries) + count * sizeof(VSP_SAVED_ENTRY);
    *BytesNeeded = n;
    if (SaveBufSize < n) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved->Count = count;
    for (i = 0; i < count; i++) {
        saved->Entries[i].Id = context->Entries[i].Id;
        saved->Entries[i].Value = context->Entries[i].Value;
    }
    return STATUS_SUCCESS;
}
