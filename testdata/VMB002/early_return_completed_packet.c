/*
 * VMB002 positive: a packet that the VSP has already completed has no state
 * to save, and the callback returns STATUS_SUCCESS for it before it writes
 * *BytesNeeded. KMCL reads *BytesNeeded after every call, so that path leaves
 * it indeterminate (the fix is `*BytesNeeded = 0;` before the return). The
 * in-flight path writes the size first, checks SaveBufSize and copies within
 * bounds, so it is correct for every rule.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_PACKET_FLAG_COMPLETED 0x1
#define VSP_SAVED_VERSION 3

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    ULONG RequestId;
    ULONG64 Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Version;
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspStorSavePacket;

_Use_decl_annotations_
NTSTATUS
VspStorSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    if ((context->Flags & VSP_PACKET_FLAG_COMPLETED) != 0) { // expect-note: VMB002 {{Assuming}}
        /* Already completed: nothing to save. */
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Version = VSP_SAVED_VERSION;
    saved->RequestId = context->RequestId;
    saved->Offset = context->Offset;
    return STATUS_SUCCESS;
}
