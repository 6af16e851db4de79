/*
 * VMB004 positive, in a helper: the callback checks the buffer for a
 * 16-byte record and lets VspCopyRecord fill it. The helper's __try block
 * copies the record; its __except filter (VspFilter) accepts only access
 * violations, and its handler then stamps a 4-byte "poisoned" marker after
 * the record, at offset 16: past SaveBufSize when the buffer is exactly
 * 16 bytes. Exceptions the filter does not accept leave the helper and
 * the callback (no return, nothing reported there).
 */
#include <vmbuskernelmodeclientlibapi.h>

#define STATUS_ACCESS_VIOLATION ((NTSTATUS)0xC0000005L)

typedef struct _VSP_SAVED_RECORD {
    ULONG Id;
    ULONG Offset;
    ULONG Length;
    ULONG Flags;
} VSP_SAVED_RECORD, *PVSP_SAVED_RECORD;

typedef struct _VSP_PACKET_CONTEXT {
    PVSP_SAVED_RECORD GuestRecord;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static int VspFilter(unsigned long Code)
{
    return Code == (unsigned long)STATUS_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER
                                                          : EXCEPTION_CONTINUE_SEARCH;
}

static NTSTATUS VspCopyRecord(PUCHAR Out, const VSP_SAVED_RECORD *GuestRecord)
{
    __try {
        RtlCopyMemory(Out, GuestRecord, sizeof(VSP_SAVED_RECORD));
    } __except (VspFilter(GetExceptionCode())) {
        *(PULONG)(Out + sizeof(VSP_SAVED_RECORD)) = 0xDEADDEAD; // expect: VMB004
        return STATUS_ACCESS_VIOLATION;
    }
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_RECORD);
    if (SaveBufSize < sizeof(VSP_SAVED_RECORD)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return VspCopyRecord((PUCHAR)SaveBuf, context->GuestRecord); // expect-note: VMB004 {{Calling 'VspCopyRecord'}}
}
