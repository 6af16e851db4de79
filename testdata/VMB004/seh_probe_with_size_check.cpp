/*
 * VMB004 negative, C++: the packet refers to a caller buffer of variable
 * length, probed and copied inside __try/__except after a header. The size
 * check covers the header and the payload without overflowing
 * (`Length > SaveBufSize - sizeof(header)` after checking the header fits),
 * and the __except handler writes nothing to SaveBuf. An exception raised
 * anywhere in the __try block reaches a handler that is correct too.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VspSavedHeader {
    ULONG Length;
    ULONG Flags;
};

struct VspPacketContext {
    PVOID CallerBuffer;
    ULONG CallerLength;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VspPacketContext *>(VmbPacketGetPointer(Packet));
    auto *header = static_cast<VspSavedHeader *>(SaveBuf);
    ULONG length = context->CallerLength;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Channel);

    if (length > 0x10000) {
        *BytesNeeded = 0;
        return STATUS_INVALID_PARAMETER;
    }
    *BytesNeeded = sizeof(VspSavedHeader) + length;
    if (SaveBufSize < sizeof(VspSavedHeader) || length > SaveBufSize - sizeof(VspSavedHeader)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    __try {
        ProbeForRead(context->CallerBuffer, length, 1);
        header->Length = length;
        header->Flags = 0;
        RtlCopyMemory(header + 1, context->CallerBuffer, length);
        status = STATUS_SUCCESS;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}
