/*
 * VMB003 (a): legacy packets are saved by VspLegacySave(), which has no body
 * here and receives BytesNeeded, so that path is not judged. The path for
 * other packets does not involve it: it writes *BytesNeeded = 16 itself and
 * returns STATUS_SUCCESS on the first call (SaveBufSize == 0), losing the
 * state. The exemption for the opaque callee must not extend to this path.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    BOOLEAN Legacy;
    VSP_SAVED_STATE State;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

NTSTATUS
VspLegacySave(_In_ PVSP_PACKET_CONTEXT Context, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
              _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (context->Legacy) {
        return VspLegacySave(context, SaveBuf, SaveBufSize, BytesNeeded);
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize == 0) {
        return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
    }
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &context->State, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
