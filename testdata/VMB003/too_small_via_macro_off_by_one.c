/*
 * VMB003 (b), return inside a macro: VSP_FAIL_TOO_SMALL(n) stores n and
 * returns STATUS_BUFFER_TOO_SMALL. It is used after an off-by-one check
 * (SaveBufSize <= n), so it also fails when SaveBufSize == n == 16 and the
 * state fits ("fits in"). The return statement is written at the line that
 * expands the macro in the callback, so the finding belongs on that line.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_FAIL_TOO_SMALL(n)            \
    do {                                 \
        *BytesNeeded = (n);              \
        return STATUS_BUFFER_TOO_SMALL;  \
    } while (0)

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE state = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    if (SaveBufSize <= sizeof(VSP_SAVED_STATE)) {
        VSP_FAIL_TOO_SMALL(sizeof(VSP_SAVED_STATE)); // expect: VMB003 {{fits in}}
    }
    RtlCopyMemory(SaveBuf, state, sizeof(VSP_SAVED_STATE));
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    return STATUS_SUCCESS;
}
