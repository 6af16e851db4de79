/*
 * VMB002 positive: a typo turns the size store into a comparison
 * (`*BytesNeeded == sizeof(...)`), which only reads *BytesNeeded. No path of
 * the callback writes it, so both the "too small" failure and the success
 * return are findings.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_SAVED_PACKET {
    ULONG Lun;
    ULONG Tag;
    UCHAR Cdb[16];
} VSP_SAVED_PACKET, *PVSP_SAVED_PACKET;

typedef struct _VSP_PACKET_CONTEXT {
    ULONG Lun;
    ULONG Tag;
    UCHAR Cdb[16];
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET VspScsiSavePacket;

_Use_decl_annotations_
NTSTATUS
VspScsiSavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_PACKET saved;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded == sizeof(VSP_SAVED_PACKET);
    if (SaveBufSize < sizeof(VSP_SAVED_PACKET)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }

    saved = (PVSP_SAVED_PACKET)SaveBuf;
    saved->Lun = context->Lun;
    saved->Tag = context->Tag;
    RtlCopyMemory(saved->Cdb, context->Cdb, sizeof(saved->Cdb));
    return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
}
