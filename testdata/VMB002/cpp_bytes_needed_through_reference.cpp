/*
 * VMB002 negative (C++, KMCL V5): the callback binds a C++ reference to
 * *BytesNeeded and assigns through it on both paths; the reference is the
 * same object, so *BytesNeeded is written everywhere. The restore and
 * process-packet callbacks next to it are not checked by this rule.
 */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

struct PACKET_CONTEXT {
    BOOLEAN HasState;
    ULONG64 Offset;
};

EVT_VMB_CHANNEL_SAVE_PACKET_EX SaveEx;

_Use_decl_annotations_
NTSTATUS
SaveEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(CallbackContext);
    const auto *context = static_cast<const PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    UINT32 &needed = *BytesNeeded;

    if (!context->HasState) {
        needed = 0;
        return STATUS_SUCCESS;
    }
    needed = sizeof(ULONG64);
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG64>(SaveBuf) = context->Offset;
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_PROCESS_PACKET ProcessPacket;

_Use_decl_annotations_
VOID
ProcessPacket(VMBCHANNEL Channel, VMBPACKETCOMPLETION Packet, PVOID Buffer, UINT32 BufferLength, UINT32 Flags)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(BufferLength);
    UNREFERENCED_PARAMETER(Flags);
    VmbChannelPacketComplete(Packet, nullptr, 0);
}

} // namespace Vsp
