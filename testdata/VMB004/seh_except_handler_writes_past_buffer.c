/*
 * VMB004 positive: the buffer is checked for the saved header only. The
 * __try block copies the header; if reading the packet's guest mapping
 * raises an exception, the __except handler records the failure with a
 * VSP_SAVED_ERROR, which is larger than the header, at the start of
 * SaveBuf: a write past SaveBufSize when the buffer holds only the header.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_HEADER {
    ULONG Version;
    ULONG RequestId;
} VSP_SAVED_HEADER, *PVSP_SAVED_HEADER;

typedef struct _VSP_SAVED_ERROR {
    VSP_SAVED_HEADER Header;
    NTSTATUS Code;
    ULONG Reserved[5];
} VSP_SAVED_ERROR, *PVSP_SAVED_ERROR;

typedef struct _VSP_PACKET_CONTEXT {
    PVSP_SAVED_HEADER GuestMapping;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    VSP_SAVED_ERROR failure;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_HEADER);
    if (SaveBufSize < sizeof(VSP_SAVED_HEADER)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    __try {
        RtlCopyMemory(SaveBuf, context->GuestMapping, sizeof(VSP_SAVED_HEADER)); // expect-note: VMB004 {{Assuming an exception is raised in this statement}}
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        RtlZeroMemory(&failure, sizeof(failure));
        failure.Code = GetExceptionCode();
        RtlCopyMemory(SaveBuf, &failure, sizeof(failure)); // expect: VMB004 {{writes 32 bytes}}
    }
    return STATUS_SUCCESS;
}
