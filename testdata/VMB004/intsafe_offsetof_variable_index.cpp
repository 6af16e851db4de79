/*
 * Negative, C++: the needed size is written with the standard offsetof
 * and a variable index, `offsetof(VSP_SAVED, Ranges[count])` (clang's
 * __builtin_offsetof, which the analysis engine leaves unevaluated when the
 * index is not a constant), after bounding the count. It must evaluate as
 * offsetof(VSP_SAVED, Ranges) + count * sizeof(VSP_RANGE).
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <stddef.h>

constexpr ULONG VspMaxRanges = 32;

struct VSP_RANGE {
    ULONGLONG Start;
    ULONG Length;
    ULONG Flags;
};

struct VSP_SAVED {
    ULONG Version;
    ULONG RangeCount;
    VSP_RANGE Ranges[VspMaxRanges];
};

struct VSP_PACKET_CONTEXT {
    ULONG RangeCount;
    VSP_RANGE Ranges[VspMaxRanges];
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto ctx = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));

    UNREFERENCED_PARAMETER(Channel);

    ULONG count = ctx->RangeCount;
    if (count > VspMaxRanges) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    ULONG needed = static_cast<ULONG>(offsetof(VSP_SAVED, Ranges[count]));
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    auto saved = static_cast<VSP_SAVED *>(SaveBuf);
    saved->Version = 1;
    saved->RangeCount = count;
    RtlCopyMemory(saved->Ranges, ctx->Ranges, count * sizeof(VSP_RANGE));
    return STATUS_SUCCESS;
}
