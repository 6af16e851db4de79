/*
 * MSVC's C compiler accepts a cast as an lvalue (C4213): `(PULONG)cursor += 1`
 * advances cursor by sizeof(ULONG). vmbcheck reads the cast as cl.exe does,
 * so the callback is analysed: the second ULONG lands at offset 4 while only
 * 4 bytes were checked for (VMB004), reported at the store's own column
 * although the line was rewritten before it; success then follows a check
 * for less than *BytesNeeded (VMB003).
 */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVOID cursor = SaveBuf;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    *BytesNeeded = 2 * sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *(PULONG)cursor = 1;
    (PULONG)cursor += 1; *(PULONG)cursor = 2; // expect: VMB004 {{at offset 4}}
    return STATUS_SUCCESS;                    // expect: VMB003 {{smaller than it asked for}}
}
