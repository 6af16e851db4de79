/* VMB005 positive (C, KMCL V5): the _EX save callback is registered through
   the V5 method table's Ex member with only a plain static prototype; it
   needs EVT_VMB_CHANNEL_SAVE_PACKET_EX. The restore callback has its role. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CONTEXT {
    ULONG Generation;
} VSP_CONTEXT, *PVSP_CONTEXT;

static NTSTATUS VspSaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;

static NTSTATUS
VspSaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{not declared with the role type EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
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
VspRegister(PKMCL_SERVER_ONLY_METHODS_V5 Methods, VMBCHANNEL Channel, PVSP_CONTEXT Context)
{
    return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspSaveEx, VspRestoreEx);
}
