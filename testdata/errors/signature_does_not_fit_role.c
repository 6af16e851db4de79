/* A function stored, through a cast, as the V5 save callback although its
   parameters are those of the V1 role: the engine finds SaveBuf, SaveBufSize
   and BytesNeeded by position, so it cannot analyse it. It is reported as
   not analysed (exit code 2), never silently passed. */
#include <vmbuskernelmodeclientlibapi.h>

typedef struct _VSP_CHANNEL_CONTEXT {
    PFN_VMB_CHANNEL_SAVE_PACKET_EX SavePacket;
} VSP_CHANNEL_CONTEXT;

/* expect@+2: VMB005 {{not declared with the role type EVT_VMB_CHANNEL_SAVE_PACKET_EX}} */
static NTSTATUS
VspSaveOldShape(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, /* expect-notification: callback-not-analysed {{does not have the 6 parameters of EVT_VMB_CHANNEL_SAVE_PACKET_EX}} */
                UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    UNREFERENCED_PARAMETER(SaveBuf);
    UNREFERENCED_PARAMETER(SaveBufSize);
    *BytesNeeded = 0;
    return STATUS_SUCCESS;
}

VOID
VspInitContext(VSP_CHANNEL_CONTEXT *Context)
{
    Context->SavePacket = (PFN_VMB_CHANNEL_SAVE_PACKET_EX)VspSaveOldShape;
}
