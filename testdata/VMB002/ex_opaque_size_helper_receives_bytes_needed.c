/*
 * VMB002 negative (C, KMCL V5): the size is reported by a routine of
 * another module (only its prototype is visible) that receives BytesNeeded;
 * per the contract that counts as the write. The remaining path writes it
 * directly.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    PVOID Serializer;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

NTSTATUS
VspSerializerSave(_In_ PVOID Serializer, _In_ VMBPACKET Packet, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
                  _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    UNREFERENCED_PARAMETER(Channel);

    if (context->Serializer == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    return VspSerializerSave(context->Serializer, Packet, SaveBuf, SaveBufSize, BytesNeeded);
}
