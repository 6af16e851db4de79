/*
 * VMB002 positive: the definition renames its parameters (the contract
 * applies by position, so the fifth parameter `RequiredSize` is the
 * BytesNeeded output) and has a local variable called `BytesNeeded`. The
 * success path assigns the local but never stores through `RequiredSize`,
 * so the final return is a finding; a checker matching the name
 * "BytesNeeded" would wrongly treat the local as the output. The message
 * names the renamed parameter, hence only "without writing" is required.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_REQUEST {
    ULONG RequestType;
    ULONG Handle;
    ULONG64 Context;
} VSP_SAVED_REQUEST, *PVSP_SAVED_REQUEST;

typedef struct _VSP_REQUEST {
    ULONG RequestType;
    ULONG Handle;
    ULONG64 Context;
} VSP_REQUEST, *PVSP_REQUEST;

EVT_VMB_CHANNEL_SAVE_PACKET VspVsmbSavePacket;

_Use_decl_annotations_
NTSTATUS
VspVsmbSavePacket(
    VMBCHANNEL VmbChannel,
    VMBPACKET VmbPacket,
    PVOID Buffer,
    UINT32 BufferLength,
    PUINT32 RequiredSize)
{
    PVSP_REQUEST request = VmbPacketGetPointer(VmbPacket);
    PVSP_SAVED_REQUEST saved;
    UINT32 BytesNeeded;

    UNREFERENCED_PARAMETER(VmbChannel);

    if (request == NULL) {
        *RequiredSize = 0;
        return STATUS_SUCCESS;
    }

    BytesNeeded = sizeof(VSP_SAVED_REQUEST);
    if (BufferLength < BytesNeeded) {
        *RequiredSize = BytesNeeded;
        return STATUS_BUFFER_TOO_SMALL;
    }

    saved = (PVSP_SAVED_REQUEST)Buffer;
    saved->RequestType = request->RequestType;
    saved->Handle = request->Handle;
    saved->Context = request->Context;
    return STATUS_SUCCESS; // expect: VMB002 {{without writing}}
}
