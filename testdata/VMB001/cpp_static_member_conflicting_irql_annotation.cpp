/*
 * VMB001 (c) positive (C++): the class declares its save callback with the
 * role type, but the out-of-line definition claims DISPATCH_LEVEL - a
 * leftover from when it ran from a DPC. KMCL calls it at PASSIVE_LEVEL.
 */
#include <vmbuskernelmodeclientlibapi.h>

class VspDevice {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;
};

_IRQL_requires_(DISPATCH_LEVEL) // expect: VMB001 {{DISPATCH_LEVEL}}
NTSTATUS
VspDevice::SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
