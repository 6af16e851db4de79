/*
 * VMB001 negative (C++, KMCL V5): a static member _EX callback holds the
 * channel's fast mutex through an RAII guard (APC_LEVEL) while it allocates
 * paged pool and waits with a timeout: both are allowed up to APC_LEVEL, so
 * a checker that treats every lock as DISPATCH_LEVEL would be wrong here.
 * The guard's destructor restores PASSIVE_LEVEL on every return.
 */
#include <vmbuskernelmodeclientlibapi.h>

class FastMutexGuard {
public:
    explicit FastMutexGuard(PFAST_MUTEX Mutex) : m_Mutex(Mutex) { ExAcquireFastMutex(m_Mutex); }
    ~FastMutexGuard() { ExReleaseFastMutex(m_Mutex); }
    FastMutexGuard(const FastMutexGuard &) = delete;
    FastMutexGuard &operator=(const FastMutexGuard &) = delete;

private:
    PFAST_MUTEX m_Mutex;
};

class VspChannel {
public:
    static EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;

private:
    FAST_MUTEX m_Mutex;
    ULONG m_Generation;
};

_Use_decl_annotations_
NTSTATUS
VspChannel::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *channel = static_cast<VspChannel *>(CallbackContext);
    LARGE_INTEGER shortWait;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    FastMutexGuard guard(&channel->m_Mutex);
    auto *scratch = static_cast<PULONG>(ExAllocatePool2(POOL_FLAG_PAGED, sizeof(ULONG), 'pvsV'));
    if (scratch == nullptr) {
        *BytesNeeded = 0;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    shortWait.QuadPart = -10000;
    KeDelayExecutionThread(KernelMode, FALSE, &shortWait);
    *scratch = channel->m_Generation;

    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        ExFreePoolWithTag(scratch, 'pvsV');
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = *scratch;
    ExFreePoolWithTag(scratch, 'pvsV');
    return STATUS_SUCCESS;
}
