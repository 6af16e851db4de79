/* Discovery (C++): a static member function named through an object or
   `this` (`this->SaveControl`, `channel.SaveData`) is the same function as
   `VspChannel::SaveControl`; a PFN_VMB_CHANNEL_SAVE_PACKET parameter's
   default argument is passed on every call that omits it. An instance
   member with the save parameter list, called through an object, is not a
   callback. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_RESTORE_PACKET VspRestore;

class VspChannel {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET SaveControl;

    static NTSTATUS
    SaveData(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspChannel::SaveData {{passed as the save callback}} // expect: VMB005
    {
        UNREFERENCED_PARAMETER(Channel);
        UNREFERENCED_PARAMETER(Packet);
        UNREFERENCED_PARAMETER(SaveBuf);
        UNREFERENCED_PARAMETER(SaveBufSize);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    NTSTATUS
    SaveInstance(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
    {
        UNREFERENCED_PARAMETER(Channel);
        UNREFERENCED_PARAMETER(Packet);
        UNREFERENCED_PARAMETER(SaveBuf);
        UNREFERENCED_PARAMETER(SaveBufSize);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    NTSTATUS
    RegisterControl()
    {
        return VmbServerChannelInitSetSaveRestorePacketCallbacks(m_Channel, this->SaveControl, VspRestore);
    }

    VMBCHANNEL m_Channel = nullptr;
};

_Use_decl_annotations_
NTSTATUS
VspChannel::SaveControl(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspChannel::SaveControl {{declared with EVT_VMB_CHANNEL_SAVE_PACKET; passed as the save callback}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSaveDefault;

_Use_decl_annotations_
NTSTATUS
VspSaveDefault(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-callback: VspSaveDefault {{passed as the save callback to 'VspRegister'}}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

NTSTATUS
VspRegister(VMBCHANNEL Channel, PFN_VMB_CHANNEL_SAVE_PACKET Save = VspSaveDefault)
{
    return VmbServerChannelInitSetSaveRestorePacketCallbacks(Channel, Save, VspRestore);
}

_Use_decl_annotations_
NTSTATUS
VspRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == 0 ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

NTSTATUS
VspRegisterChannels(VspChannel &Control, VspChannel &Data)
{
    NTSTATUS status = Control.RegisterControl();
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = VspRegister(Data.m_Channel, Data.SaveData);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return VspRegister(Control.m_Channel);
}
