/*
 * VMB002 positive (C++): under its RAII spin lock guard the callback finds
 * the packet already completed and returns STATUS_SUCCESS from inside the
 * guard's scope; the guard releases the lock correctly, but *BytesNeeded is
 * never written on that path.
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

struct VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    BOOLEAN Completed;
    ULONG RequestId;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    ULONG requestId;

    UNREFERENCED_PARAMETER(Channel);
    {
        SpinLockGuard guard(&context->Lock);
        if (context->Completed) { // expect-note: VMB002 {{Assuming field 'Completed'}}
            return STATUS_SUCCESS; // expect: VMB002 {{without writing '*BytesNeeded'}}
        }
        requestId = context->RequestId;
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = requestId;
    return STATUS_SUCCESS;
}
