/*
 * VMB001 (a) positive (C++): the driver's RAII spin lock guard acquires the
 * context lock in its constructor and releases it in its destructor, at the
 * end of the enclosing block. The log write sits inside that block, so
 * ZwWriteFile (PASSIVE_LEVEL only) runs at DISPATCH_LEVEL. The destructor
 * still releases the lock on every path: the return itself is fine.
 */
#include <vmbuskernelmodeclientlibapi.h>

class SpinLockGuard {
public:
    explicit SpinLockGuard(PKSPIN_LOCK Lock) : m_Lock(Lock) { KeAcquireSpinLock(m_Lock, &m_OldIrql); } // expect-note: VMB001 {{DISPATCH_LEVEL}}
    ~SpinLockGuard() { KeReleaseSpinLock(m_Lock, m_OldIrql); }
    SpinLockGuard(const SpinLockGuard &) = delete;
    SpinLockGuard &operator=(const SpinLockGuard &) = delete;

private:
    PKSPIN_LOCK m_Lock;
    KIRQL m_OldIrql;
};

struct VSP_PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
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

    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    {
        SpinLockGuard guard(&context->Lock);
        *static_cast<PULONG>(SaveBuf) = context->RequestId;
        ZwWriteFile(context->LogFile, nullptr, nullptr, nullptr, &iosb, SaveBuf, sizeof(ULONG), nullptr, nullptr); // expect: VMB001 {{'ZwWriteFile' requires IRQL = PASSIVE_LEVEL but the IRQL is DISPATCH_LEVEL here}}
    }
    return STATUS_SUCCESS;
}
