/*
 * No finding: ZwQueryInformationFile is declared here by the driver
 * without IRQL annotations, so its contract (PASSIVE_LEVEL) comes from the
 * DDI table - and it is called only after the spin lock is released, at
 * PASSIVE_LEVEL. Under the lock the callback just takes the handle.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _FILE_STANDARD_INFORMATION {
    LARGE_INTEGER AllocationSize;
    LARGE_INTEGER EndOfFile;
    ULONG NumberOfLinks;
    BOOLEAN DeletePending;
    BOOLEAN Directory;
} FILE_STANDARD_INFORMATION, *PFILE_STANDARD_INFORMATION;

#define FileStandardInformation 5

NTSTATUS ZwQueryInformationFile(HANDLE FileHandle, PIO_STATUS_BLOCK IoStatusBlock, PVOID FileInformation,
                                ULONG Length, ULONG FileInformationClass);

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE BackingFile;
    LONGLONG CachedSize;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    FILE_STANDARD_INFORMATION info;
    IO_STATUS_BLOCK iosb;
    HANDLE file;
    NTSTATUS status;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    file = context->BackingFile;
    KeReleaseSpinLock(&context->Lock, oldIrql);

    status = ZwQueryInformationFile(file, &iosb, &info, sizeof(info), FileStandardInformation);
    if (NT_SUCCESS(status)) {
        context->CachedSize = info.EndOfFile.QuadPart;
    }
    return STATUS_SUCCESS;
}
