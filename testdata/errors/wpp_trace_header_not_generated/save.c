/*
 * Generated header (WPP) missing, positive: save.tmh is written by tracewpp
 * during the MSBuild build and does not exist before it. The file is reported
 * as not analysed, saying the header is generated. With
 * --assume-generated-empty (CliTest) the .tmh is read as a stand-in whose
 * trace calls do nothing, and the callback below is analysed: it writes past
 * SaveBufSize (VMB004).
 */
#include <vmbuskernelmodeclientlibapi.h>
#include "trace.h"
#include "save.tmh" /* expect-notification: compile-error {{generated header - build the project first (or pass --assume-generated-empty)}} */

typedef struct _VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG64 Offset;
} VSP_SAVED_STATE, *PVSP_SAVED_STATE;

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    PVSP_SAVED_STATE context = (PVSP_SAVED_STATE)VmbPacketGetPointer(Packet);
    UNREFERENCED_PARAMETER(Channel);

    TraceEvents(TRACE_LEVEL_VERBOSE, TRACE_SAVE, "%!FUNC! SaveBufSize %u", SaveBufSize);
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(ULONG)) {
        DoTraceMessage(TRACE_SAVE, "buffer too small");
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(SaveBuf, context, sizeof(VSP_SAVED_STATE));
    return STATUS_SUCCESS;
}
