/* VMB005 positive (C, KMCL V5): the driver keeps its per-channel-kind
   callbacks in a constant table of PFN_VMB_CHANNEL_SAVE_PACKET_EX; the
   function stored there has only a plain prototype. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_KIND {
    PFN_VMB_CHANNEL_SAVE_PACKET_EX Save;
    PFN_VMB_CHANNEL_RESTORE_PACKET_EX Restore;
    ULONG StateSize;
} VSP_CHANNEL_KIND;

NTSTATUS VspSaveControl(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded);
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreControl;

static const VSP_CHANNEL_KIND VspControlKind = {
    .Save = VspSaveControl,
    .Restore = VspRestoreControl,
    .StateSize = sizeof(ULONG),
};

NTSTATUS
VspSaveControl(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{stored in field 'Save'}} {{EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestoreControl(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterControl(VMBCHANNEL Channel, PVOID Context)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, VspControlKind.Save, VspControlKind.Restore);
}
