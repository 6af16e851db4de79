/*
 * VMB001 (a): ExAcquireFastMutex raises the IRQL to APC_LEVEL. ZwWriteFile
 * requires PASSIVE_LEVEL, so writing the log while holding the fast mutex
 * is a finding (at APC_LEVEL, not DISPATCH_LEVEL). The mutex is released on
 * the only path, so the return is fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    FAST_MUTEX LogMutex;
    HANDLE LogFile;
    ULONG RequestId;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    IO_STATUS_BLOCK iosb;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    ExAcquireFastMutex(&context->LogMutex);
    ZwWriteFile(context->LogFile, NULL, NULL, NULL, &iosb, &context->RequestId, sizeof(ULONG), NULL, NULL); // expect: VMB001 {{'ZwWriteFile' requires IRQL = PASSIVE_LEVEL but the IRQL is APC_LEVEL}}
    ExReleaseFastMutex(&context->LogMutex);
    return STATUS_SUCCESS;
}
