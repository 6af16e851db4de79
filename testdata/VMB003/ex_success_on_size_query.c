/*
 * VMB003 (a) positive (C, KMCL V5): the _EX callback answers the size query
 * (SaveBufSize == 0) with STATUS_SUCCESS after reporting 12 bytes of state:
 * KMCL takes the success as "nothing to save" and the state is lost.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

#pragma pack(push, 4)
typedef struct _VSP_PACKED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_PACKED_STATE;
#pragma pack(pop)

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE context = (PVSP_SAVED_STATE)VmbPacketGetPointer(Packet);
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);

    *BytesNeeded = sizeof(VSP_PACKED_STATE); // expect-note: VMB003 {{'*BytesNeeded' is set to 12 here}}
    if (SaveBuf == NULL || SaveBufSize == 0) { // expect-note: VMB003 {{Assuming}}
        return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
    }
    if (SaveBufSize < sizeof(VSP_PACKED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, &context->RequestId, sizeof(ULONG));
    RtlCopyMemory((PUCHAR)SaveBuf + sizeof(ULONG), &context->Offset, sizeof(ULONG64));
    return STATUS_SUCCESS;
}
