/* A syntax error inside one callback: that callback is reported as not
   analysed; the healthy callback next to it is still checked. */
#include <vmbuskernelmodeclientlibapi.h>

EVT_VMB_CHANNEL_SAVE_PACKET BrokenSave;
EVT_VMB_CHANNEL_SAVE_PACKET HealthySave;

NTSTATUS
BrokenSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, // expect-notification: callback-not-analysed {{'BrokenSave' was not analysed}}
           UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    *BytesNeeded = sizeof(ULONG) // expect-notification: compile-error {{expected ';'}}
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    return STATUS_SUCCESS;
}

NTSTATUS
HealthySave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,
            UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    if (SaveBufSize == 0) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB002
    }
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}
