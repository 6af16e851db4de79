/*
 * VMB003 (c) positive (C++): the namespaced callback treats the size query
 * as "nothing to save" - SaveBufSize == 0 answered with success and size 0 -
 * although, given a buffer, it writes the request's state. KMCL never makes
 * the second call, so the state is never saved.
 */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

struct REQUEST {
    ULONG Id;
    ULONG Status;
};

EVT_VMB_CHANNEL_SAVE_PACKET SaveRequest;

_Use_decl_annotations_
NTSTATUS
SaveRequest(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    const auto *request = static_cast<const REQUEST *>(VmbPacketGetPointer(Packet));

    if (SaveBufSize == 0) { // expect-note: VMB003 {{Assuming}}
        *BytesNeeded = 0;
        return STATUS_SUCCESS; // expect: VMB003
    }
    *BytesNeeded = sizeof(REQUEST);
    if (SaveBufSize < sizeof(REQUEST)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<REQUEST *>(SaveBuf) = *request;
    return STATUS_SUCCESS;
}

} // namespace Vsp
