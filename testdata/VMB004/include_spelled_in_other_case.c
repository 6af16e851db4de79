/*
 * VMB004 positive (Windows include spelling): the driver includes the KMCL
 * header as <VMBUSKERNELMODECLIENTLIBAPI.H>, as code written on Windows may;
 * the file is vmbuskernelmodeclientlibapi.h. cl.exe finds it whatever the
 * case, and so does vmbcheck for MSVC targets on a case-sensitive file system
 * (--no-case-insensitive-includes turns that off: see CliTest). The callback
 * then copies into SaveBuf before any size check.
 */
#include <VMBUSKERNELMODECLIENTLIBAPI.H>

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE context = (PVSP_SAVED_STATE)VmbPacketGetPointer(Packet);
    UNREFERENCED_PARAMETER(Channel);

    RtlCopyMemory(SaveBuf, context, sizeof(VSP_SAVED_STATE)); // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}
