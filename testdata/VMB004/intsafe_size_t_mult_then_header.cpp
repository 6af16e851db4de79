/*
 * Negative, C++: the needed size is computed in SIZE_T with RtlSizeTMult
 * (on 64-bit Windows a macro over RtlULongLongMult, whose WDK body uses the
 * _umul128 intrinsic) and RtlSizeTAdd, then narrowed to the ULONG KMCL
 * takes with RtlSizeTToULong; every failure is returned. On the success
 * path the narrowing loses nothing, so the check of the ULONG against
 * SaveBufSize covers the copy of `bytes` (the SIZE_T product) at the
 * records' offset. A checker that sees a 64-bit product truncated to 32
 * bits, or sums that may wrap, reports the copy.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

struct VSP_RECORD {
    ULONG Key;
    ULONG Data[3];
};

struct VSP_SAVED {
    ULONG Version;
    ULONG Count;
    VSP_RECORD Records[1];
};

struct VSP_PACKET_CONTEXT {
    SIZE_T RecordCount;
    VSP_RECORD *Records;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto ctx = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    SIZE_T bytes;
    SIZE_T total;
    ULONG needed;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 0;
    NTSTATUS status = RtlSizeTMult(ctx->RecordCount, sizeof(VSP_RECORD), &bytes);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = RtlSizeTAdd(bytes, FIELD_OFFSET(VSP_SAVED, Records), &total);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    status = RtlSizeTToULong(total, &needed);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    auto saved = static_cast<VSP_SAVED *>(SaveBuf);
    saved->Version = 2;
    saved->Count = (ULONG)ctx->RecordCount;
    RtlCopyMemory(saved->Records, ctx->Records, bytes);
    return STATUS_SUCCESS;
}
