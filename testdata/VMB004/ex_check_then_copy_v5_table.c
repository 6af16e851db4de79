/*
 * VMB004 negative (C, KMCL V5): registered through the V5 method table, the
 * _EX callback reports the size, checks it, and fills the saved record
 * field by field and with RtlCopyMemory / RtlZeroMemory, all within the
 * checked size.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_RECORD {
    ULONG Version;
    ULONG Flags;
    UCHAR Tag[8];
    ULONG64 Reserved;
} VSP_SAVED_RECORD, *PVSP_SAVED_RECORD;

typedef struct _VSP_CHANNEL_CONTEXT {
    ULONG Flags;
    UCHAR Tag[8];
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSaveRecord;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreRecord;

_Use_decl_annotations_
NTSTATUS
VspSaveRecord(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    PVSP_SAVED_RECORD record = (PVSP_SAVED_RECORD)SaveBuf;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    *BytesNeeded = sizeof(VSP_SAVED_RECORD);
    if (SaveBufSize < sizeof(VSP_SAVED_RECORD)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlZeroMemory(record, sizeof(VSP_SAVED_RECORD));
    record->Version = 1;
    record->Flags = context->Flags;
    RtlCopyMemory(record->Tag, context->Tag, sizeof(record->Tag));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreRecord(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    PVSP_SAVED_RECORD record = (PVSP_SAVED_RECORD)SaveBuf;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    if (SaveBufSize < sizeof(VSP_SAVED_RECORD)) {
        return STATUS_INVALID_PARAMETER;
    }
    context->Flags = record->Flags;
    return STATUS_SUCCESS;
}

NTSTATUS
VspRegister(PKMCL_SERVER_ONLY_METHODS_V5 Methods, VMBCHANNEL Channel, PVSP_CHANNEL_CONTEXT Context)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSaveRecord, VspRestoreRecord);
}
