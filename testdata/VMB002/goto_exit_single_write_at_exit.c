/*
 * VMB002 negative: the size is kept in a local that starts at 0 and is
 * stored to *BytesNeeded exactly once, in the Exit block that every path
 * (including the invalid-state failure) goes through. No return bypasses
 * Exit, so every return writes *BytesNeeded.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_CHANNEL_FLAG_SAVING 0x1

typedef struct _VSP_CHANNEL_CONTEXT {
    ULONG Flags;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Opcode;
    ULONG Argument;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Opcode;
    ULONG Argument;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspTimeSyncSavePacket;

_Use_decl_annotations_
NTSTATUS
VspTimeSyncSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    NTSTATUS status;
    UINT32 needed = 0;
    PVSP_CHANNEL_CONTEXT channelContext = VmbChannelGetPointer(Channel);
    PVSP_PACKET_CONTEXT packetContext = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;

    if (channelContext == NULL || (channelContext->Flags & VSP_CHANNEL_FLAG_SAVING) == 0) {
        status = STATUS_INVALID_DEVICE_STATE;
        goto Exit;
    }
    if (packetContext == NULL) {
        status = STATUS_SUCCESS;
        goto Exit;
    }

    needed = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < needed) {
        status = STATUS_BUFFER_TOO_SMALL;
        goto Exit;
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Opcode = packetContext->Opcode;
    saved->Argument = packetContext->Argument;
    status = STATUS_SUCCESS;

Exit:
    *BytesNeeded = needed;
    return status;
}
