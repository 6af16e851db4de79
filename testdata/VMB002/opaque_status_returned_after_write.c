/*
 * VMB002 negative: the size is written first, then the packet is validated
 * by a routine with no body here (it does not receive BytesNeeded), and its
 * failure status is returned as is. That return comes after the write, so
 * it is not a VMB002 finding even though the status is unknown.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG Id;
    ULONG Flags;
    ULONG64 Gpa;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Id;
    ULONG Flags;
    ULONG64 Gpa;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

/* Implemented in vspvalidate.c. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
VspValidatePacketContext(_In_ VMBCHANNEL Channel, _In_ PVSP_PACKET_CONTEXT Context);

EVT_VMB_CHANNEL_SAVE_PACKET VspPciSavePacket;

_Use_decl_annotations_
NTSTATUS
VspPciSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    NTSTATUS status;

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    status = VspValidatePacketContext(Channel, context);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Id = context->Id;
    saved->Flags = context->Flags;
    saved->Gpa = context->Gpa;
    return STATUS_SUCCESS;
}
