/*
 * VMB002 positive: the size is written by a helper whose body is in this
 * file, so the analysis follows it rather than treating the call as a
 * write. The helper only writes *Size for an in-flight packet; for an idle
 * packet the callback then returns STATUS_SUCCESS with *BytesNeeded never
 * written. The finding is at the callback's return, not in the helper.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_FLAG_IN_FLIGHT 0x10

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Flags;
    ULONG Tag;
    ULONG BytesTransferred;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Tag;
    ULONG BytesTransferred;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

static VOID
VspQuerySaveSize(_In_ PVSP_PACKET_CONTEXT Context, _Out_ PUINT32 Size)
{
    if ((Context->Flags & VSP_FLAG_IN_FLIGHT) != 0) {
        *Size = sizeof(VSP_SAVED_PACKET);
    }
}

EVT_VMB_CHANNEL_SAVE_PACKET VspUsbSavePacket;

_Use_decl_annotations_
NTSTATUS
VspUsbSavePacket(
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

    VspQuerySaveSize(context, BytesNeeded);
    if ((context->Flags & VSP_FLAG_IN_FLIGHT) == 0) {
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Tag = context->Tag;
    saved->BytesTransferred = context->BytesTransferred;
    return STATUS_SUCCESS;
}
