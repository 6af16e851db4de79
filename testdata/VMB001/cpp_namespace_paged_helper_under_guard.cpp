/*
 * VMB001 (a) positive (C++): a namespaced save callback calls a helper of
 * the same namespace while its RAII spin lock guard is alive; the helper
 * starts with PAGED_CODE(), i.e. it may only run at APC_LEVEL or below.
 */
#include <vmbuskernelmodeclientlibapi.h>

namespace Vsp {

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

struct PACKET_CONTEXT {
    KSPIN_LOCK Lock;
    ULONG RequestId;
    ULONG Flags;
};

ULONG
EncodeFlags(ULONG Flags)
{
    PAGED_CODE();
    return Flags & 0xFFFF;
}

EVT_VMB_CHANNEL_SAVE_PACKET SavePacket;

_Use_decl_annotations_
NTSTATUS
SavePacket(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *context = static_cast<PACKET_CONTEXT *>(VmbPacketGetPointer(Packet));
    UNREFERENCED_PARAMETER(Channel);

    *BytesNeeded = 2 * sizeof(ULONG);
    if (SaveBufSize < 2 * sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    SpinLockGuard guard(&context->Lock); // expect-note: VMB001 {{Calling constructor}}
    static_cast<PULONG>(SaveBuf)[0] = context->RequestId;
    static_cast<PULONG>(SaveBuf)[1] = EncodeFlags(context->Flags); // expect: VMB001 {{'EncodeFlags' requires IRQL <= APC_LEVEL but the IRQL is DISPATCH_LEVEL here}}
    return STATUS_SUCCESS;
}

} // namespace Vsp
