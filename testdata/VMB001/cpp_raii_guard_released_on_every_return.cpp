/*
 * VMB001 negative (C++): the RAII guard is taken at the top and never
 * released by hand; each of the three returns runs its destructor, so the
 * callback always returns at PASSIVE_LEVEL. The guard offers an early
 * Release() that the idle path uses before a PASSIVE_LEVEL-only flush; the
 * destructor then does nothing.
 */
#include <vmbuskernelmodeclientlibapi.h>

class SpinLockGuard {
public:
    explicit SpinLockGuard(PKSPIN_LOCK Lock) : m_Lock(Lock) { KeAcquireSpinLock(m_Lock, &m_OldIrql); }
    ~SpinLockGuard() { Release(); }
    void
    Release()
    {
        if (m_Held) {
            m_Held = false;
            KeReleaseSpinLock(m_Lock, m_OldIrql);
        }
    }
    SpinLockGuard(const SpinLockGuard &) = delete;
    SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
    PKSPIN_LOCK m_Lock;
    KIRQL m_OldIrql;
    bool m_Held = true;
};

struct VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    BOOLEAN InFlight;
    ULONG RequestId;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    IO_STATUS_BLOCK iosb;

    UNREFERENCED_PARAMETER(Channel);

    SpinLockGuard guard(&context->Lock);
    if (!context->InFlight) {
        guard.Release();
        ZwFlushBuffersFile(context->LogFile, &iosb);
        *BytesNeeded = 0;
        return STATUS_SUCCESS;
    }
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = context->RequestId;
    return STATUS_SUCCESS;
}
