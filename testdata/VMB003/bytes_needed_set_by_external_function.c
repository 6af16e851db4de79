/*
 * No finding: the serialisation is done by VspSerializeState(), declared
 * here but defined in another translation unit. BytesNeeded is passed to it,
 * so its paths are that function's responsibility and are not judged by
 * VMB003 - even though the callback then returns STATUS_SUCCESS without a
 * visible size check. (VMB002 counts the call as a write.)
 */
#include <vmbuskernelmodeclientlibapi.h>

NTSTATUS
VspSerializeState(_In_ PVOID Context, _Out_writes_bytes_(SaveBufSize) PVOID SaveBuf,
                  _In_ UINT32 SaveBufSize, _Out_ PUINT32 BytesNeeded);

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVOID context = VmbPacketGetPointer(Packet);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    status = VspSerializeState(context, SaveBuf, SaveBufSize, BytesNeeded);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    return STATUS_SUCCESS;
}
