// A C++ save callback declared by hand whose SaveBufSize is a pointer and
// BytesNeeded a value (parameters swapped), registered through a cast: the
// engine cannot map the contract onto it, so it is reported as not analysed
// rather than passed in silence.
#include <vmbuskernelmodeclientlibapi.h>

namespace vsp {

// expect@+2: VMB005
NTSTATUS
SwappedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, // expect-notification: callback-not-analysed {{parameters do not have the types}}
            PUINT32 BytesNeeded, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

} // namespace vsp

NTSTATUS
VspRegister(VMBCHANNEL Channel, PFN_VMB_CHANNEL_RESTORE_PACKET Restore)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(
        Channel, reinterpret_cast<PFN_VMB_CHANNEL_SAVE_PACKET>(vsp::SwappedSave), Restore);
}
