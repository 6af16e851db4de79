/* A callback with more paths than the analysis budget (150,000 path nodes by
   default): independent branches inside a loop over pending entries. The
   analysis stops, says so (exit code 2, a notification), and whatever it
   found before stopping is still reported. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CONTEXT {
    ULONG Count;
    ULONG A[32], B[32], C[32], D[32];
} VSP_CONTEXT, *PVSP_CONTEXT;

EVT_VMB_CHANNEL_SAVE_PACKET ManyPathsSave;

_Use_decl_annotations_
NTSTATUS
ManyPathsSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, // expect-notification: analysis-incomplete {{stopped after}}
              UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_CONTEXT context = VmbPacketGetPointer(Packet);
    ULONG summary = 0;
    ULONG i;

    UNREFERENCED_PARAMETER(Channel);
    for (i = 0; i < context->Count; i++) {
        if (context->A[i % 32]) summary += 1;
        if (context->B[i % 32]) summary += 2;
        if (context->C[i % 32]) summary += 4;
        if (context->D[i % 32]) summary += 8;
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = summary;
    return STATUS_SUCCESS;
}
