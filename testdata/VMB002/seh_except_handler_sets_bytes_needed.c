/*
 * VMB002 negative: the packet carries a caller-supplied buffer that is
 * probed and copied inside __try/__except. If probing or copying raises an
 * exception, the handler writes *BytesNeeded (0: nothing to save) and
 * returns the exception code as a failure. An exception can be raised
 * before *BytesNeeded is written in the __try block, so the handler's own
 * write is what makes every path correct; a checker that never entered the
 * handler would not see that path at all, one that entered it without the
 * handler's write would report it.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_INLINE 64

typedef struct _VSP_SAVED_REQUEST {
    ULONG Length;
    UCHAR Data[VSP_MAX_INLINE];
} VSP_SAVED_REQUEST, *PVSP_SAVED_REQUEST;

typedef struct _VSP_PACKET_CONTEXT {
    PVOID CallerBuffer;
    ULONG CallerLength;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_REQUEST saved = (PVSP_SAVED_REQUEST)SaveBuf;
    ULONG length;

    UNREFERENCED_PARAMETER(Channel);

    __try {
        length = context->CallerLength;
        if (length > VSP_MAX_INLINE) {
            *BytesNeeded = 0;
            return STATUS_INVALID_PARAMETER;
        }
        ProbeForRead(context->CallerBuffer, length, 1);
        *BytesNeeded = sizeof(VSP_SAVED_REQUEST);
        if (SaveBufSize < sizeof(VSP_SAVED_REQUEST)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved->Length = length;
        RtlCopyMemory(saved->Data, context->CallerBuffer, length);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        *BytesNeeded = 0;
        return GetExceptionCode();
    }
    return STATUS_SUCCESS;
}
