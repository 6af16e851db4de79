/*
 * VMB002 positive: the switch on an enum-typed context field lists every
 * enumerator and also has an explicit `default:` for a corrupted or
 * unknown value, which fails with STATUS_INVALID_DEVICE_STATE without
 * writing *BytesNeeded. The field is ordinary memory: C lets an enum object
 * hold any value of its underlying type, and the author wrote the default
 * branch for exactly that case, so the path is feasible and its return is a
 * finding. Both enumerated cases write the size.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef enum _VSP_TRANSFER_STATE {
    VspTransferQueued = 0,
    VspTransferInProgress = 1,
} VSP_TRANSFER_STATE;

typedef struct _VSP_PACKET_CONTEXT {
    VSP_TRANSFER_STATE State;
    ULONG TransferId;
    ULONG64 BytesDone;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

typedef struct _VSP_SAVED_TRANSFER {
    ULONG TransferId;
    ULONG Reserved;
    ULONG64 BytesDone;
} VSP_SAVED_TRANSFER, *PVSP_SAVED_TRANSFER;

EVT_VMB_CHANNEL_SAVE_PACKET VspFileCopySavePacket;

_Use_decl_annotations_
NTSTATUS
VspFileCopySavePacket(
    VMBCHANNEL Channel,
    VMBPACKET Packet,
    PVOID SaveBuf,
    UINT32 SaveBufSize,
    PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);
    PVSP_SAVED_TRANSFER saved;

    UNREFERENCED_PARAMETER(Channel);

    if (context == NULL) {
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }

    switch (context->State) {
    case VspTransferQueued:
        /* Not started: the guest resubmits it after restore. */
        *BytesNeeded = 0;
        return STATUS_SUCCESS;

    case VspTransferInProgress:
        *BytesNeeded = sizeof(VSP_SAVED_TRANSFER);
        if (SaveBufSize < sizeof(VSP_SAVED_TRANSFER)) {
            return STATUS_BUFFER_TOO_SMALL;
        }
        saved = (PVSP_SAVED_TRANSFER)SaveBuf;
        saved->TransferId = context->TransferId;
        saved->Reserved = 0;
        saved->BytesDone = context->BytesDone;
        return STATUS_SUCCESS;

    default:
        return STATUS_INVALID_DEVICE_STATE; // expect: VMB002 {{without writing '*BytesNeeded'}}
    }
}
