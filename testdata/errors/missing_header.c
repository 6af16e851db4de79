/* A driver source whose include cannot be found: the file is reported as not
   analysed (exit code 2, a SARIF notification), never silently passed. */
#include <vmbuskernelmodeclientlibapi.h>
#include "vsp_private_does_not_exist.h" /* expect-notification: compile-error {{'vsp_private_does_not_exist.h' file not found}} */

EVT_VMB_CHANNEL_SAVE_PACKET MissingHeaderSave;

NTSTATUS
MissingHeaderSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,
                  UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_PRIVATE_CONTEXT context = VmbPacketGetPointer(Packet);
    *BytesNeeded = sizeof(*context);
    return STATUS_SUCCESS;
}
