/*
 * VMB002 positive (C++, KMCL V5): a static member _EX callback registered
 * through the V5 method table switches on the packet kind; the control
 * packet case returns without writing *BytesNeeded.
 */
#include <vmbuskernelmodeclientlibapi.h>

enum class VspPacketKind : ULONG { Data, Control, Flush };

struct VSP_PACKET_CONTEXT {
    VspPacketKind Kind;
    ULONG DataId;
};

class VspChannel {
public:
    NTSTATUS
    Register(PKMCL_SERVER_ONLY_METHODS_V5 Methods, VMBCHANNEL Channel)
    {
        return Methods->VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, this, Save, Restore);
    }

private:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;
    static EVT_VMB_CHANNEL_RESTORE_PACKET_EX Restore;
};

_Use_decl_annotations_
NTSTATUS
VspChannel::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *context = static_cast<const VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));

    switch (context->Kind) {
    case VspPacketKind::Data:
        *BytesNeeded = sizeof(ULONG);
        if (SaveBufSize < sizeof(ULONG)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        *static_cast<PULONG>(SaveBuf) = context->DataId;
        return STATUS_SUCCESS;
    case VspPacketKind::Control:
        return STATUS_SUCCESS; // expect: VMB002 {{'Save' returns STATUS_SUCCESS without writing '*BytesNeeded'}}
    case VspPacketKind::Flush:
    default:
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
}

_Use_decl_annotations_
NTSTATUS
VspChannel::Restore(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize <= sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
