/*
 * Found by the fuzzer: the callback compiles, but the helper it calls does
 * not (`sizeof*Value)` with Value not a pointer and a stray parenthesis
 * that leaves the call two arguments short). Inlining the helper's
 * error-recovery AST crashed the analyzer engine (a segmentation fault in
 * Clang's constant evaluator). The helper is now treated
 * as a function defined elsewhere (unknown effects), the compile error is
 * reported, and the callback itself is still analysed: its own missing
 * *BytesNeeded write is found.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE JournalFile;
    ULONG RequestId;
    BOOLEAN Idle;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static NTSTATUS
VspAppendJournal(PVSP_PACKET_CONTEXT Context, ULONG Value)
{
    IO_STATUS_BLOCK iosb;

    return ZwWriteFile(Context->JournalFile, NULL, NULL, NULL, &iosb, &Value, sizeof*Value), NULL, NULL); // expect-notification: compile-error {{indirection requires pointer operand}}
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);

    VspAppendJournal(context, context->RequestId);
    if (context->Idle) {
        return STATUS_SUCCESS; // expect: VMB002
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
