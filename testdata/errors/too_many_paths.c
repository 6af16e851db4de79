/* A callback with more paths than the analysis budget (150,000 path nodes by
   default): independent branches inside a loop over pending entries (the
   loop alone is widened after its first iterations and fits the budget),
   then 24 more independent branches one after another, each doubling the
   paths. The analysis stops, says so (exit code 2, a notification), and
   whatever it found before stopping is still reported. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CONTEXT {
    ULONG Count;
    ULONG A[32], B[32], C[32], D[32];
    ULONG Flags[24];
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
#define VSP_FLAG(n) if (context->Flags[n]) { summary ^= 1u << (n); }
    VSP_FLAG(0) VSP_FLAG(1) VSP_FLAG(2) VSP_FLAG(3) VSP_FLAG(4) VSP_FLAG(5)
    VSP_FLAG(6) VSP_FLAG(7) VSP_FLAG(8) VSP_FLAG(9) VSP_FLAG(10) VSP_FLAG(11)
    VSP_FLAG(12) VSP_FLAG(13) VSP_FLAG(14) VSP_FLAG(15) VSP_FLAG(16) VSP_FLAG(17)
    VSP_FLAG(18) VSP_FLAG(19) VSP_FLAG(20) VSP_FLAG(21) VSP_FLAG(22) VSP_FLAG(23)
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)SaveBuf = summary;
    return STATUS_SUCCESS;
}
