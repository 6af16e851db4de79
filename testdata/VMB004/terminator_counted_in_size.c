/*
 * VMB004 negative: the device name is saved with a terminating NUL and the
 * size counts it: 6 + Name.Length + sizeof(WCHAR) bytes (Name.Length is a
 * USHORT, so the sum cannot wrap). The characters end at 6 + Name.Length,
 * and the terminator, stored at 6 + 2 * (Name.Length / 2), ends at or before
 * 8 + Name.Length == the checked size. No finding.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define ANYSIZE_ARRAY 1
#define UNICODE_NULL ((WCHAR)0)

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    UNICODE_STRING DeviceName;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG RequestId;
    USHORT NameLength;
    WCHAR Name[ANYSIZE_ARRAY];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;
    USHORT nameLength = context->DeviceName.Length;
    ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Name) + nameLength + sizeof(WCHAR);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId;
    saved->NameLength = nameLength;
    RtlCopyMemory(saved->Name, context->DeviceName.Buffer, nameLength);
    saved->Name[nameLength / sizeof(WCHAR)] = UNICODE_NULL;
    return STATUS_SUCCESS;
}
