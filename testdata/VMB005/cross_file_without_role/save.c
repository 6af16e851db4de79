/* VMB005 positive across files, part 2: the definition, without a role type
   declaration; the finding names the registration in channel.c. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_RESTORE_PACKET SharedRestore;

NTSTATUS
SharedSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect: VMB005 {at channel.c:}
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = 1;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
SharedRestore(VMBCHANNEL Channel, PVOID LibBuf, UINT32 LibBufSize, PVOID SaveBuf, UINT32 SaveBufSize)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(LibBuf);
    UNREFERENCED_PARAMETER(LibBufSize);
    UNREFERENCED_PARAMETER(SaveBuf);
    return SaveBufSize == sizeof(ULONG) ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}
