/*
 * VMB001 (a), contract from the DDI table: wdm.h here does not declare
 * ZwQueryInformationFile, so the driver declares it itself without any IRQL
 * annotation. Its contract (PASSIVE_LEVEL only) then comes from vmbcheck's
 * DDI table, and calling it under the spin lock (DISPATCH_LEVEL) is a
 * finding.
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
    NTSTATUS status;
    KIRQL oldIrql;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    *BytesNeeded = 0;
    KeAcquireSpinLock(&context->Lock, &oldIrql);
    status = ZwQueryInformationFile(context->BackingFile, &iosb, &info, sizeof(info), FileStandardInformation); // expect: VMB001 {{'ZwQueryInformationFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL}}
    if (NT_SUCCESS(status)) {
        context->CachedSize = info.EndOfFile.QuadPart;
    }
    KeReleaseSpinLock(&context->Lock, oldIrql);
    return STATUS_SUCCESS;
}
