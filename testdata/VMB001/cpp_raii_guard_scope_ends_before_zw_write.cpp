/*
 * VMB001 negative (C++): the RAII spin lock guard lives in an inner block
 * that only snapshots the context; its destructor releases the lock when
 * the block ends, so the log write after it runs at PASSIVE_LEVEL again. A
 * checker that does not follow destructors would see the lock still held.
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
    ULONG64 Offset;
};

struct VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    VSP_SAVED_STATE State;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSavePacket;

_Use_decl_annotations_
NTSTATUS
VspSavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<VSP_PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    VSP_SAVED_STATE snapshot;
    IO_STATUS_BLOCK iosb;

    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = sizeof(VSP_SAVED_STATE);
    if (SaveBufSize < sizeof(VSP_SAVED_STATE)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    {
        SpinLockGuard guard(&context->Lock);
        snapshot = context->State;
    }
    ZwWriteFile(context->LogFile, nullptr, nullptr, nullptr, &iosb, &snapshot, sizeof(snapshot), nullptr, nullptr);
    RtlCopyMemory(SaveBuf, &snapshot, sizeof(snapshot));
    return STATUS_SUCCESS;
}
