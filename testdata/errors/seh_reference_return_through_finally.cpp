/*
 * Incompletely analysed, C++: the helper SizeSlot returns a reference from
 * inside a __try block that has a __finally handler. vmbcheck routes such a
 * return through the __finally block by holding the returned value, which
 * it cannot do for a reference, so it analyses the callback without the
 * helper's body (as if the helper were defined elsewhere) and says so. The
 * callback itself is correct.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VspPacketContext {
    ULONG SavedSize;
    LONG Busy;
};

static ULONG &SizeSlot(VspPacketContext *Context)
{
    __try {
        Context->Busy = 1;
        return Context->SavedSize;
    } __finally {
        Context->Busy = 0;
    }
}

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded) // expect-notification: analysis-incomplete {{analysed without the body of 'SizeSlot'}}
{
    auto *context = static_cast<VspPacketContext *>(VmbPacketGetPointer(Packet));

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = SizeSlot(context);
    if (SaveBufSize < *BytesNeeded) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlZeroMemory(SaveBuf, *BytesNeeded);
    return STATUS_SUCCESS;
}
