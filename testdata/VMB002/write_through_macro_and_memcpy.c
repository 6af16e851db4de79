/*
 * VMB002 negative: the driver never writes `*BytesNeeded = x;` literally.
 * The "no state" path uses a do/while(0) macro that expands to a store
 * through its pointer argument, and the main path copies the size into
 * *BytesNeeded with RtlCopyMemory (memcpy). Both are writes of
 * *BytesNeeded, made before every return.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_SET_OUTPUT_SIZE(Pointer, Value) \
    do {                                    \
        *(Pointer) = (UINT32)(Value);       \
    } while (0)

typedef struct _VSP_SAVED_PACKET {
    ULONG Slot;
    ULONG Owner;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Bound;
    ULONG Slot;
    ULONG Owner;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSmartCardSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSmartCardSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;
    UINT32 needed = sizeof(VSP_SAVED_PACKET);

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL || !context->Bound) {
        VSP_SET_OUTPUT_SIZE(BytesNeeded, 0);
        return STATUS_SUCCESS;
    }

    RtlCopyMemory(BytesNeeded, &needed, sizeof(needed));
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Slot = context->Slot;
    saved->Owner = context->Owner;
    return STATUS_SUCCESS;
}
