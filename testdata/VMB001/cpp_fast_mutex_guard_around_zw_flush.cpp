/*
 * VMB001 (a) positive (C++, KMCL V5): the fast mutex RAII guard raises to
 * APC_LEVEL for the rest of the function; the log flush at the end, which
 * requires PASSIVE_LEVEL, is still inside the guard's scope. Allocation and
 * a timed wait under the mutex are fine (APC_LEVEL is allowed for both).
 */
#include <vmbuskernelmodeclientlibapi.h>

class FastMutexGuard {
public:
    explicit FastMutexGuard(PFAST_MUTEX Mutex) : m_Mutex(Mutex) { ExAcquireFastMutex(m_Mutex); } // expect-note: VMB001 {{APC_LEVEL}}
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
    HANDLE m_LogFile;
    ULONG m_Generation;
};

_Use_decl_annotations_
NTSTATUS
VspChannel::Save(VMBCHANNEL Channel, PVOID CallbackContext, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *channel = static_cast<VspChannel *>(CallbackContext);
    IO_STATUS_BLOCK iosb;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Packet);

    FastMutexGuard guard(&channel->m_Mutex);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = channel->m_Generation;
    ZwFlushBuffersFile(channel->m_LogFile, &iosb); // expect: VMB001 {{'ZwFlushBuffersFile' requires IRQL = PASSIVE_LEVEL but the IRQL is APC_LEVEL here}}
    return STATUS_SUCCESS;
}
