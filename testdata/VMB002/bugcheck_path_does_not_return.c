/*
 * VMB002 negative: a corrupted packet context (bad signature) bug-checks the
 * machine. KeBugCheckEx is declared noreturn, so that path never returns from
 * the callback and needs no write to *BytesNeeded; every path that does
 * return writes it.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_CONTEXT_SIGNATURE 0x50535643 /* 'CVSP' */
#define VSP_BUGCHECK_CODE 0x000000E6

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Signature;
    ULONG Handle;
    ULONG Offset;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_PACKET {
    ULONG Handle;
    ULONG Offset;
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

EVT_VMB_CHANNEL_SAVE_PACKET VspHidSavePacket;

_Use_decl_annotations_
NTSTATUS
VspHidSavePacket(
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

    if (context->Signature != VSP_CONTEXT_SIGNATURE) {
        KeBugCheckEx(VSP_BUGCHECK_CODE, (ULONG_PTR)context, context->Signature, 0, 0);
    }

    *BytesNeeded = sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Handle = context->Handle;
    saved->Offset = context->Offset;
    return STATUS_SUCCESS;
}
