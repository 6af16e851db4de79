/* VMB005 positive across files (C++, KMCL V5), part 2: the definitions. */
#include "vsp_channel.h"

namespace Vsp {

NTSTATUS
Channel::SavePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {{at register.cpp:10}} {{EVT_VMB_CHANNEL_SAVE_PACKET_EX}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    const auto *channel = static_cast<const Vsp::Channel *>(CallbackContext);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = channel->m_Generation;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
Channel::SaveControlEx(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
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
Channel::RestorePacketEx(VMBCHANNEL Channel, PVOID CallbackContext, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    auto *channel = static_cast<Vsp::Channel *>(CallbackContext);
    if (SaveBufSize == 0) {
        return STATUS_SUCCESS;
    }
    if (SaveBufSize != sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    channel->m_Generation = *static_cast<PULONG>(SaveBuf);
    return STATUS_SUCCESS;
}

} // namespace Vsp
