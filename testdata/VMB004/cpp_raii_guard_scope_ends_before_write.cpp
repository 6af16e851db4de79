/*
 * VMB004 negative (C++): the RAII spin lock guard's scope covers only the
 * snapshot into a local; the size is reported and checked after the scope,
 * and the write to SaveBuf comes last. Writes through SaveBuf happen only
 * with room for them.
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
    VSP_SAVED_STATE snapshot;
    UNREFERENCED_PARAMETER(Channel);

    {
        SpinLockGuard guard(&context->Lock);
        snapshot = context->State;
    }
    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<VSP_SAVED_STATE *>(SaveBuf) = snapshot;
    return STATUS_SUCCESS;
}
