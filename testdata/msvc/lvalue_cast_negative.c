/*
 * Negative: the forms of MSVC's cast-as-lvalue extension (C4213) the WDK
 * samples use (classpnp, fastfat, cdfs): compound assignment through a
 * cast, assignment to a parenthesised cast, the address of a cast, a cast
 * in a macro argument and a decremented cast of a cast. The
 * callback checks the size before each write: no finding, and no
 * compile error.
 */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_PACKET_CONTEXT {
    PVOID DriverContext[2];
    PUCHAR Cursor;
} VSP_PACKET_CONTEXT, *PVSP_PACKET_CONTEXT;

static VOID
VspMarkIdle(PVSP_PACKET_CONTEXT Context, BOOLEAN Idle)
{
    ((BOOLEAN)Context->DriverContext[1]) = Idle;
}

static PVOID *
VspCursorSlot(PVSP_PACKET_CONTEXT Context)
{
    return &(PVOID)Context->Cursor;
}

/* As FastFAT/CDFS and classpnp write them: a cast in a macro argument, and
   a cast of a cast. */
#define VspSetFlag(Flags, Single) ((Flags) |= (Single))

static BOOLEAN
VspTagAndCount(PVSP_PACKET_CONTEXT Context)
{
    VspSetFlag(((ULONG_PTR)Context->DriverContext[0]), 1);
    return ((ULONG)(ULONG_PTR)Context->DriverContext[1])-- != 0;
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVOID cursor = SaveBuf;
    PVSP_PACKET_CONTEXT context = VmbPacketGetPointer(Packet);

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 2 * sizeof(ULONG);
    if (SaveBufSize < 2 * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    VspMarkIdle(context, FALSE);
    (VOID)VspTagAndCount(context);
    *VspCursorSlot(context) = NULL;
    *(PULONG)cursor = 1;
    (PULONG)cursor += 1;
    *(PULONG)cursor = 2;
    return STATUS_SUCCESS;
}
