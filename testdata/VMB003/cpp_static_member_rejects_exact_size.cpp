/*
 * VMB003 (b) positive (C++, KMCL V5): the check uses <= where it means <.
 * When KMCL calls again with exactly the size it was told, the callback
 * still answers STATUS_BUFFER_TOO_SMALL with the same size, and the
 * protocol cannot make progress.
 */
#include <vmbuskernelmodeclientlibapi.h>

struct VSP_SAVED_QUEUE {
    ULONG Head;
    ULONG Tail;
};

class VspQueue {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;

private:
    VSP_SAVED_QUEUE m_State;
};

_Use_decl_annotations_
NTSTATUS
VspQueue::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);
    const auto *queue = static_cast<const VspQueue *>(CallbackContext);

    *BytesNeeded = sizeof(VSP_SAVED_QUEUE); // expect-note: VMB003 {{set to 8}}
    if (SaveBufSize <= sizeof(VSP_SAVED_QUEUE)) {
        return STATUS_BUFFER_TOO_SMALL; // expect: VMB003 {{fits in}}
    }
    *static_cast<VSP_SAVED_QUEUE *>(SaveBuf) = queue->m_State;
    return STATUS_SUCCESS;
}
