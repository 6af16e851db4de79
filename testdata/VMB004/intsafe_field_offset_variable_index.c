/*
 * Negative: the needed size is written FIELD_OFFSET(VSP_SAVED,
 * Ranges[ctx->RangeCount]) - the WDK idiom for "header plus n elements",
 * with a variable index - after bounding the count. It must evaluate as
 * FIELD_OFFSET(VSP_SAVED, Ranges) + RangeCount * sizeof(VSP_RANGE); a
 * checker that evaluates it as a constant (or as 0) reports the copy of
 * the ranges.
 */
#include <vmbuskernelmodeclientlibapi.h>

#define VSP_MAX_RANGES 64

typedef struct _VSP_RANGE {
    ULONGLONG Start;
    ULONGLONG Length;
} VSP_RANGE;

typedef struct _VSP_SAVED {
    ULONG Version;
    ULONG RangeCount;
    VSP_RANGE Ranges[VSP_MAX_RANGES];
} VSP_SAVED, *PVSP_SAVED;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG RangeCount;
    VSP_RANGE Ranges[VSP_MAX_RANGES];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT ctx = VmbPacketGetPointer(Packet);
    PVSP_SAVED saved;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    if (ctx->RangeCount > VSP_MAX_RANGES) {
        *BytesNeeded = 0;
        return STATUS_INVALID_DEVICE_STATE;
    }
    needed = FIELD_OFFSET(VSP_SAVED, Ranges[ctx->RangeCount]);
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    saved = (PVSP_SAVED)SaveBuf;
    saved->Version = 1;
    saved->RangeCount = ctx->RangeCount;
    RtlCopyMemory(saved->Ranges, ctx->Ranges, ctx->RangeCount * sizeof(VSP_RANGE));
    return STATUS_SUCCESS;
}
