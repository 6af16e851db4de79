/*
 * VMB004 positive (C++): the callback snapshots the context into SaveBuf
 * while it holds its RAII spin lock guard, and checks the size only after
 * the guard's scope. The lock handling is right; the write is not: on the
 * size query it goes to an empty (possibly NULL) buffer.
 */
#include <vmbuskernelmodeclientlibapi.h>

class SpinLockGuard {
public:
    explicit SpinLockGuard(PKSPIN_LOCK Lock) : m_Lock(Lock) { KeAcquireSpinLock(m_Lock, &m_OldIrql); }
    ~SpinLockGuard() { KeReleaseSpinLock(m_Lock, m_OldIrql); }
    SpinLockGuard(const SpinLockGuard &) = delete;
    SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
    PKSPIN_LOCK m_Lock;
    KIRQL m_OldIrql;
};

struct VSP_SAVED_STATE {
    ULONG RequestId;
    ULONG Flags;
};

struct VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    VSP_SAVED_STATE State;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    UNREFERENCED_PARAMETER(Channel);

    {
        SpinLockGuard guard(&context->Lock);
        *static_cast<VSP_SAVED_STATE *>(SaveBuf) = context->State; // expect: VMB004 {{on a path where SaveBufSize may be 0}}
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    return SaveBufSize < sizeof(VSP_SAVED_STATE) ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS;
}
