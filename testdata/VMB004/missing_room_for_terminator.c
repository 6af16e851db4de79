/*
 * VMB004 positive: the device name is saved with a terminating NUL, but the
 * size query and check count only the name's characters, 6 + Name.Length
 * bytes. After copying the characters, the 2-byte terminator is stored at
 * offset 6 + Name.Length (rounded down to whole characters), which ends past
 * a buffer of exactly the checked size. *BytesNeeded equals the checked
 * size, so VMB003 is silent.
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
    ULONG needed = FIELD_OFFSET(VSP_SAVED_PACKET, Name) + nameLength;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->RequestId = context->RequestId;
    saved->NameLength = nameLength;
    RtlCopyMemory(saved->Name, context->DeviceName.Buffer, nameLength);
    saved->Name[nameLength / sizeof(WCHAR)] = UNICODE_NULL; // expect: VMB004 {{writes 2 bytes}}
    return STATUS_SUCCESS;
}
