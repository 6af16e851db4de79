/* Discovery (C, KMCL V5): one save callback declared with the _EX role type,
   one only registered with VmbServerChannelInitSetSaveRestorePacketCallbacksEx
   (its third argument). The _EX restore callback, the process-packet callback
   and the context passed as second argument are not save callbacks. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    ULONG Generation;
    ULONG OutstandingRequests;
} VSP_CHANNEL_CONTEXT, *PVSP_CHANNEL_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET_EX VspSavePacketEx;
EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestorePacketEx;
EVT_VMB_CHANNEL_PROCESS_PACKET VspProcessPacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSavePacketEx {{declared with EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
{
    PVSP_CHANNEL_CONTEXT context = (PVSP_CHANNEL_CONTEXT)CallbackContext;
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = context->Generation;
    return STATUS_SUCCESS;
}

NTSTATUS
VspSaveIdlePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveIdlePacketEx {{passed as the save callback to 'VmbServerChannelInitSetSaveRestorePacketCallbacksEx'}} // expect: VMB005 {{EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
VspRestorePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

_Use_decl_annotations_
VOID
VspProcessPacket(VMBCHANNEL Channel, VMBPACKETCOMPLETION Packet, PVOID Buffer, UINT32 BufferLength, UINT32 Flags)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(BufferLength);
    UNREFERENCED_PARAMETER(Flags);
    VmbChannelPacketComplete(Packet, NULL, 0);
}

NTSTATUS
VspInitializeChannel(VMBCHANNEL Channel, PVSP_CHANNEL_CONTEXT Context, BOOLEAN Idle)
{
    NTSTATUS status = VmbChannelInitSetProcessPacketCallbacks(Channel, VspProcessPacket, NULL);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context,
                                                               Idle ? VspSaveIdlePacketEx : VspSavePacketEx,
                                                               VspRestorePacketEx);
}
