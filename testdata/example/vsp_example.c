/*
 * vsp_example.c - the example driver bundled with vmbcheck: a small
 * virtualization service provider whose save callbacks contain the mistakes
 * vmbcheck exists to find. Run `vmbcheck` with no arguments to see them.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_POOL_TAG 'pspV'
#define VSP_SAVED_VERSION 2

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RequestId;
    ULONG Flags;
    UCHAR Payload[32];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

/* What the save callback writes and the restore callback reads back. */
typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG Flags;
    UCHAR Payload[32];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;
EVT_VMB_CHANNEL_RESTORE_PACKET VspRestorePacket;

/*
 * Checks SaveBufSize against the header only, then copies the payload too:
 * the size query succeeds without state and the copy runs past the buffer.
 */
_Use_decl_annotations_
NTSTATUS
VspSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved = (PVSP_SAVED_PACKET)SaveBuf;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET); // expect-note: VMB003 {{'*BytesNeeded' is set to 44 here}}
    if (SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Payload)) { // expect-note: VMB003 {{Assuming 'SaveBufSize < FIELD_OFFSET(VSP_SAVED_PACKET, Payload)' is false}}
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved->Version = VSP_SAVED_VERSION;
    saved->RequestId = context->RequestId;
    saved->Flags = context->Flags;
    RtlCopyMemory(saved->Payload, context->Payload, sizeof(context->Payload)); // expect: VMB004 {{writes 32 bytes at offset 12}}
    return STATUS_SUCCESS; // expect: VMB003 {{may exceed SaveBufSize}}
}

_Use_decl_annotations_
NTSTATUS
VspRestorePacket(
    VMBCHANNEL Channel,
    PVOID LibBuf,
    UINT32 LibBufSize,
    PVOID SaveBuf,
    UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_INVALID_PARAMETER;
    }
    return ((PVSP_SAVED_PACKET)SaveBuf)->Version == VSP_SAVED_VERSION
               ? STATUS_SUCCESS
               : STATUS_NOT_SUPPORTED;
}

/*
 * A second channel's callback, registered without a role type declaration,
 * that forgets *BytesNeeded when the packet has no context.
 */
static NTSTATUS
VspControlSavePacket( // expect: VMB005 {{not declared with the role type}}
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);
    if (context == NULL) {
        return STATUS_SUCCESS; // expect: VMB002
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = context->RequestId;
    return STATUS_SUCCESS;
}

NTSTATUS
VspInitializeChannels(VMBCHANNEL DataChannel, VMBCHANNEL ControlChannel)
{
    NTSTATUS status;

    status = VmbServerChannelInitSetSaveRestorePacketCallbacks(
        DataChannel, VspSavePacket, VspRestorePacket);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(
        ControlChannel, VspControlSavePacket, VspRestorePacket);
}
