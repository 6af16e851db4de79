/*
 * VMB002 positive: a classic typo - `BytesNeeded = 0;` assigns the local
 * parameter pointer (to NULL) instead of storing 0 through it. The caller's
 * *BytesNeeded is untouched on the "no context" path, so its return is a
 * finding. The main path stores the size correctly.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG Pfn;
    ULONG PageCount;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Pfn;
    ULONG PageCount;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspDynMemSavePacket;

_Use_decl_annotations_
NTSTATUS
VspDynMemSavePacket(
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
        BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Pfn = context->Pfn;
    saved->PageCount = context->PageCount;
    return STATUS_SUCCESS;
}
