/*
 * VMB002 negative: the size is written inside a do/while retry loop that
 * re-reads the state until its generation is stable. A do/while body runs
 * at least once, so *BytesNeeded is written before any of the returns
 * after the loop.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_RETRIES 3
#define VSP_MAX_ENTRIES 8

typedef struct _VSP_PACKET_CONTEXT {
    volatile LONG Generation;
    ULONG EntryCount;
    ULONG Entries[VSP_MAX_ENTRIES];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG EntryCount;
    ULONG Entries[VSP_MAX_ENTRIES];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspKvpSavePacket;

_Use_decl_annotations_
NTSTATUS
VspKvpSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    VSP_SAVED_PACKET snapshot;
    LONG generation;
    ULONG retries = 0;
    UINT32 needed;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    do {
        generation = context->Generation;
        snapshot.EntryCount = min(context->EntryCount, VSP_MAX_ENTRIES);
        RtlCopyMemory(snapshot.Entries, context->Entries, snapshot.EntryCount * sizeof(ULONG));
        needed = FIELD_OFFSET(VSP_SAVED_PACKET, Entries) + snapshot.EntryCount * sizeof(ULONG);
        *BytesNeeded = needed;
        retries++;
    } while (generation != context->Generation && retries < VSP_MAX_RETRIES);

    if (generation != context->Generation) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->EntryCount = snapshot.EntryCount;
    RtlCopyMemory(saved->Entries, snapshot.Entries, snapshot.EntryCount * sizeof(ULONG));
    return STATUS_SUCCESS;
}
