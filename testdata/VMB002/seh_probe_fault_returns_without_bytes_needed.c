/*
 * VMB002 positive (C, SEH): the callback probes the user buffer its packet
 * refers to inside __try and writes *BytesNeeded only after the probe; the
 * __except handler returns the exception code, so a fault in the probe
 * leaves *BytesNeeded unwritten.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    PVOID UserBuffer;
    ULONG UserLength;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    __try {
        ProbeForRead(context->UserBuffer, context->UserLength, 1); // expect-note: VMB002 {{exception}}
        *BytesNeeded = sizeof(ULONG);
        if (SaveBufSize < sizeof(ULONG)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        *(PULONG)SaveBuf = context->UserLength;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        return GetExceptionCode(); // expect: VMB002
    }
    return STATUS_SUCCESS;
}
