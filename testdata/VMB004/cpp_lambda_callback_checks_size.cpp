// VMB004 negative (C++, KMCL V5): a captureless lambda stored through unary
// plus as the _EX save callback. It answers the size query and writes only
// after the check: analysed like a named callback, and silent.
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_REQUEST {
    ULONG Id;
};

EVT_VMB_CHANNEL_RESTORE_PACKET_EX VspRestoreEx;

NTSTATUS
VspRegisterEx(VMBCHANNEL Channel, PVOID Context)
{
    PFN_VMB_CHANNEL_SAVE_PACKET_EX Save =
        +[](VMBCHANNEL, PVOID, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, // expect-callback: (lambda at cpp_lambda_callback_checks_size.cpp:16)
            PUINT32 BytesNeeded) -> NTSTATUS {
            const auto *request = static_cast<const VSP_REQUEST *>(VmbPacketGetPointer(Packet));
            *BytesNeeded = sizeof(ULONG);
            if (SaveBufSize < sizeof(ULONG)) {
                return STATUS_BUFFER_TOO_SMALL;
            }
            *static_cast<PULONG>(SaveBuf) = request->Id;
            return STATUS_SUCCESS;
        };
    return VmbServerChannelInitSetSaveRestorePacketCallbacksEx(Channel, Context, Save, VspRestoreEx);
}

_Use_decl_annotations_
NTSTATUS
VspRestoreEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf,
             UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
