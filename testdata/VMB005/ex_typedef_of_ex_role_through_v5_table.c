/* VMB005 negative (C, KMCL V5): the driver names the _EX role with its own
   typedef (VSP_SAVE_ROUTINE) and declares the callback with it; it is
   registered through the V5 method table's Ex member. */
#include <vmbuskernelmodeclientlibapi.h>

typedef EVT_VMB_CHANNEL_SAVE_PACKET_EX VSP_SAVE_ROUTINE;

typedef struct _VSP_CONTEXT {
    KMCL_SERVER_ONLY_METHODS_V5 Methods;
    ULONG Generation;
} VSP_CONTEXT, *PVSP_CONTEXT;

VSP_SAVE_ROUTINE VspSave;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestore;

_Use_decl_annotations_
NTSTATUS
VspSave(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CONTEXT context = (PVSP_CONTEXT)CallbackContext;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize >= sizeof(ULONG)) {
        *(PULONG)SaveBuf = context->Generation;
        return STATUS_SUCCESS;
    }
    return STATUS_BUFFER_TOO_SMALL;
}

_Use_decl_annotations_
NTSTATUS
VspRestore(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
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
VspRegister(PVSP_CONTEXT Context, VMBCHANNEL Channel)
{
    return Context->Methods.VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSave, VspRestore);
}
