/* VMB005 negative (C, KMCL V5): no separate role type declaration, but the
   definition itself carries _Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET_EX)
   and the role's IRQL annotation, which is what the role declaration would
   give it. Registered directly with the Ex routine. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CONTEXT {
    ULONG Generation;
} VSP_CONTEXT, *PVSP_CONTEXT;

EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;

_Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET_EX)
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
VspSaveEx(
    _In_ VMBCHANNEL Channel,
    _In_ PVOID CallbackContext,
    _In_ VMBPACKET Packet,
    _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
    _In_ UINT32 SaveBufSize,
    _Out_ PUINT32 BytesNeeded
    )
{
    PVSP_CONTEXT context = (PVSP_CONTEXT)CallbackContext;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = context->Generation;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    PVSP_CONTEXT context = (PVSP_CONTEXT)CallbackContext;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    if (SaveBufSize != sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    context->Generation = *(PULONG)SaveBuf;
    return STATUS_SUCCESS;
}

NTSTATUS
VspRegister(VMBCHANNEL Channel, PVSP_CONTEXT Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSaveEx, VspRestoreEx);
}
