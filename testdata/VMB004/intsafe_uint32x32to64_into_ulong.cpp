/*
 * VMB004 positive, C++: UInt32x32To64 gives the exact 64-bit product, but
 * the driver stores it in a ULONG (`ULONG needed = UInt32x32To64(...)`, an
 * implicit truncation) and checks that, while the copy uses the product
 * again, untruncated. Found through the implicit conversion as well as
 * through an explicit cast.
 */
#include <vmbuskernelmodeclientlibapi.h>
#include <ntintsafe.h>

struct VSP_RECORD {
    ULONG Key;
    ULONG Data[3];
};

struct VSP_PACKET_CONTEXT {
    ULONG RecordCount;
    VSP_RECORD *Records;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto ctx = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));

    UNREFERENCED_PARAMETER(Channel);

    ULONG needed = UInt32x32To64(ctx->RecordCount, sizeof(VSP_RECORD));
    *BytesNeeded = needed;
    if (SaveBufSize < needed) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, ctx->Records, UInt32x32To64(ctx->RecordCount, sizeof(VSP_RECORD))); // expect: VMB004
    return STATUS_SUCCESS;
}
