/*
 * Negative for VMB001 (c): the driver declares all its PASSIVE_LEVEL
 * callbacks with its own macro VSP_PAGED_CALLBACK, which stands for
 * `_IRQL_requires_(PASSIVE_LEVEL) _IRQL_requires_same_`, and places them
 * in a pageable section. That agrees with the role; now that annotations
 * written through driver macros are seen, none of them may be mistaken for
 * a conflict. The callback's body is correct.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_PAGED_CALLBACK _IRQL_requires_(PASSIVE_LEVEL) _IRQL_requires_same_

typedef struct _VSP_SAVED {
    ULONG Sequence;
} VSP_SAVED;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_SAVED Saved;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

VSP_PAGED_CALLBACK
NTSTATUS
VspSavePacket(_In_ VMBCHANNEL Channel, _In_ VMBPACKET Packet, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
              _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

#pragma alloc_text(PAGE, VspSavePacket)

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    PAGED_CODE();
    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED);
    if (SaveBufSize < sizeof(VSP_SAVED)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &context->Saved, sizeof(VSP_SAVED));
    return STATUS_SUCCESS;
}
