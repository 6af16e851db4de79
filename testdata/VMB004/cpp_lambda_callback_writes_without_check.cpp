/*
 * VMB004 positive (C++): a captureless lambda, converted to
 * PFN_VMB_CHANNEL_SAVE_PACKET, is the save callback. It stores the request
 * id without looking at SaveBufSize: on the size query the buffer is empty.
 * (A lambda cannot be declared with the role type, so VMB005 does not
 * apply; the body must still be analysed like any other save callback.)
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_REQUEST {
    ULONG Id;
};

EVT_VMB_CHANNEL_RESTORE_PACKET VspRestore;

NTSTATUS
VspRegister(VMBCHANNEL Channel)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(
        Channel,
        [](VMBCHANNEL, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) -> NTSTATUS {
            UNREFERENCED_PARAMETER(SaveBufSize);
            const auto *request = static_cast<const VSP_REQUEST *>(VmbPacketGetPointer(Packet));
            *BytesNeeded = sizeof(ULONG);
            *static_cast<PULONG>(SaveBuf) = request->Id; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
            return STATUS_SUCCESS; // expect: VMB003 {{on the size query}}
        },
        VspRestore);
}

_Use_decl_annotations_
NTSTATUS
VspRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
