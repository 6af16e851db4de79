/*
 * VMB001 negative (C++): a guard template specialised for in-stack queued
 * spin locks, used inside a loop left by `continue` and `break`, and in a
 * block left by `goto`. C++ runs the guard's destructor on each of these
 * exits, so the PASSIVE_LEVEL-only log write after them always runs with
 * the lock released - a checker that ignores scope exits other than the
 * closing brace would report it.
 */
#include <vmbuskernelmodeclientlibapi.h>

template <typename LOCK> class LockGuard;

template <> class LockGuard<KSPIN_LOCK> {
public:
    explicit LockGuard(KSPIN_LOCK &Lock) { KeAcquireInStackQueuedSpinLock(&Lock, &m_Handle); }
    ~LockGuard() { KeReleaseInStackQueuedSpinLock(&m_Handle); }
    LockGuard(const LockGuard &) = delete;
    LockGuard &operator=(const LockGuard &) = delete;

private:
    KLOCK_QUEUE_HANDLE m_Handle;
};

struct VSP_QUEUE_CONTEXT {
    KSPIN_LOCK Lock;
    HANDLE LogFile;
    ULONG Items[4];
    ULONG Overflow;
};

EVT_VMB_CHANNEL_SAVE_PACKET VspSaveQueue;

_Use_decl_annotations_
NTSTATUS
VspSaveQueue(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf, UINT32 SaveBufSize, PUINT32 BytesNeeded)
{
    auto *queue = static_cast<VSP_QUEUE_CONTEXT *>(VmbPacketGetPointer(Packet));
    IO_STATUS_BLOCK iosb;
    ULONG total = 0;

    UNREFERENCED_PARAMETER(Channel);

    for (ULONG i = 0; i < 4; i++) {
        LockGuard<KSPIN_LOCK> guard(queue->Lock);
        if (queue->Items[i] == 0) {
            continue;
        }
        if (queue->Items[i] == 0xFFFFFFFF) {
            break;
        }
        total += queue->Items[i];
    }
    {
        LockGuard<KSPIN_LOCK> guard(queue->Lock);
        if (queue->Overflow == 0) {
            goto Log;
        }
        total += queue->Overflow;
    }
Log:
    ZwWriteFile(queue->LogFile, nullptr, nullptr, nullptr, &iosb, &total, sizeof(total), nullptr, nullptr);
    *BytesNeeded = sizeof(ULONG);
    if (SaveBufSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    *static_cast<PULONG>(SaveBuf) = total;
    return STATUS_SUCCESS;
}
