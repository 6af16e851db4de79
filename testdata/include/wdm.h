/*
 * wdm.h - vmbcheck test header: a small, self-written subset of the kernel
 * DDIs a VSP uses, with the IRQL annotations their documentation states
 * (learn.microsoft.com "Requirements: IRQL" of each routine). The macro forms
 * match the WDK where vmbcheck depends on them: KeAcquireSpinLock and
 * KeRaiseIrql are macros over KeAcquireSpinLockRaiseToDpc and KfRaiseIrql on
 * AMD64; RtlCopyMemory and friends are macros over memcpy/memmove/memset.
 * The annotations are written in the forms the WDK's wdm.h uses (nested
 * _When_ conditions over `Timeout->QuadPart`, lock annotations next to the
 * IRQL ones, _IRQL_saves_global_(OldIrql, FastMutex), routines that state
 * only part of their contract, such as ExAcquireFastMutex, which says
 * _IRQL_raises_ but no maximum).
 */
#ifndef VMBCHECK_TEST_WDM_H
#define VMBCHECK_TEST_WDM_H
#include "ntdef.h"
#include "guiddef.h"
EXTERN_C_START

/* ---- IRQL ------------------------------------------------------------- */
typedef UCHAR KIRQL, *PKIRQL;
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL 5
#define CLOCK_LEVEL 13
#define IPI_LEVEL 14
#define HIGH_LEVEL 15

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI KIRQL KeGetCurrentIrql(VOID);

_IRQL_requires_max_(HIGH_LEVEL)
_IRQL_raises_(NewIrql)
_IRQL_saves_
NTKERNELAPI
KIRQL
KfRaiseIrql (
    _In_ KIRQL NewIrql
    );
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID KeLowerIrql(_In_ _Notliteral_ _IRQL_restores_ KIRQL NewIrql);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
NTKERNELAPI KIRQL KeRaiseIrqlToDpcLevel(VOID);

/* ---- Spin locks --------------------------------------------------------- */
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;

typedef struct _KLOCK_QUEUE_HANDLE {
    PVOID LockQueue[2];
    KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

NTKERNELAPI VOID KeInitializeSpinLock(_Out_ PKSPIN_LOCK SpinLock);

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI
KIRQL
KeAcquireSpinLockRaiseToDpc (
    _Inout_ PKSPIN_LOCK SpinLock
    );
#define KeAcquireSpinLock(SpinLock, OldIrql) \
    *(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock)

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
KeReleaseSpinLock (
    _Inout_ PKSPIN_LOCK SpinLock,
    _In_ _IRQL_restores_ KIRQL NewIrql
    );

_Requires_lock_not_held_(*SpinLock)
_Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_Requires_lock_held_(*SpinLock)
_Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeReleaseSpinLockFromDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_saves_global_(QueuedSpinLock, LockHandle)
_IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeAcquireInStackQueuedSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                                                _Out_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(QueuedSpinLock, LockHandle)
NTKERNELAPI VOID KeReleaseInStackQueuedSpinLock(_In_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeAcquireInStackQueuedSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock,
                                                          _Out_ PKLOCK_QUEUE_HANDLE LockHandle);

_IRQL_requires_min_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeReleaseInStackQueuedSpinLockFromDpcLevel(_In_ PKLOCK_QUEUE_HANDLE LockHandle);

/* ---- Mutexes ------------------------------------------------------------ */
typedef struct _FAST_MUTEX { LONG Count; PVOID Owner; ULONG Contention; ULONG OldIrql; } FAST_MUTEX, *PFAST_MUTEX;
typedef FAST_MUTEX KGUARDED_MUTEX, *PKGUARDED_MUTEX;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID ExInitializeFastMutex(_Out_ PFAST_MUTEX FastMutex);

/* As in the WDK: no maximum written here; the documented one (APC_LEVEL)
   comes from vmbcheck's DDI table. */
_IRQL_raises_(APC_LEVEL)
_IRQL_saves_global_(OldIrql, FastMutex)
NTKERNELAPI
VOID
FASTCALL
ExAcquireFastMutex (
    _Inout_ _Requires_lock_not_held_(*_Curr_) _Acquires_lock_(*_Curr_)
    PFAST_MUTEX FastMutex
    );

_IRQL_requires_(APC_LEVEL)
_IRQL_restores_global_(OldIrql, FastMutex)
NTKERNELAPI
VOID
FASTCALL
ExReleaseFastMutex (
    _Inout_ _Requires_lock_held_(*_Curr_) _Releases_lock_(*_Curr_)
    PFAST_MUTEX FastMutex
    );

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID KeInitializeGuardedMutex(_Out_ PKGUARDED_MUTEX Mutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID KeAcquireGuardedMutex(_Inout_ PKGUARDED_MUTEX Mutex);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID KeReleaseGuardedMutex(_Inout_ PKGUARDED_MUTEX Mutex);

/* ---- Events and waits --------------------------------------------------- */
typedef struct _KEVENT { LONG Header[6]; } KEVENT, *PKEVENT, *PRKEVENT;
typedef enum _EVENT_TYPE { NotificationEvent, SynchronizationEvent } EVENT_TYPE;
typedef enum _KWAIT_REASON { Executive = 0 } KWAIT_REASON;
typedef CHAR KPROCESSOR_MODE;
#define KernelMode 0
#define UserMode 1
typedef LONG KPRIORITY;
#define IO_NO_INCREMENT 0

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeInitializeEvent(_Out_ PRKEVENT Event, _In_ EVENT_TYPE Type, _In_ BOOLEAN State);

_When_(Wait==0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Wait==1, _IRQL_requires_max_(APC_LEVEL))
_When_(Wait==1, __drv_reportError("Caution: 'Wait' argument does not provide"
                                      " any synchronization guarantees, only a hint"))
NTKERNELAPI
LONG
KeSetEvent (
    _Inout_ PRKEVENT Event,
    _In_ KPRIORITY Increment,
    _In_ _Literal_ BOOLEAN Wait
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID KeClearEvent(_Inout_ PRKEVENT Event);

_IRQL_requires_min_(PASSIVE_LEVEL)
_When_((Timeout==NULL || Timeout->QuadPart!=0), _IRQL_requires_max_(APC_LEVEL))
_When_((Timeout!=NULL && Timeout->QuadPart==0), _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI
NTSTATUS
KeWaitForSingleObject (
    _In_ _Points_to_data_ PVOID Object,
    _In_ _Strict_type_match_ KWAIT_REASON WaitReason,
    _In_ __drv_strictType(KPROCESSOR_MODE/enum _MODE,__drv_typeConst) KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_opt_ PLARGE_INTEGER Timeout
    );

_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI
NTSTATUS
KeDelayExecutionThread (
    _In_ KPROCESSOR_MODE WaitMode,
    _In_ BOOLEAN Alertable,
    _In_ PLARGE_INTEGER Interval
    );

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID KeStallExecutionProcessor(_In_ ULONG MicroSeconds);

_IRQL_requires_max_(HIGH_LEVEL)
NTKERNELAPI VOID KeQuerySystemTimePrecise(_Out_ PLARGE_INTEGER CurrentTime);

/* ---- Pool --------------------------------------------------------------- */
typedef ULONG64 POOL_FLAGS;
#define POOL_FLAG_UNINITIALIZED 0x0000000000000002ULL
#define POOL_FLAG_NON_PAGED     0x0000000000000040ULL
#define POOL_FLAG_PAGED         0x0000000000000100ULL
typedef enum _POOL_TYPE { NonPagedPool = 0, PagedPool = 1, NonPagedPoolNx = 512 } POOL_TYPE;

_When_((Flags & POOL_FLAG_PAGED) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((Flags & POOL_FLAG_PAGED) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI PVOID ExAllocatePool2(_In_ POOL_FLAGS Flags, _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);

_When_(PoolType == PagedPool, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType != PagedPool, _IRQL_requires_max_(DISPATCH_LEVEL))
NTKERNELAPI PVOID ExAllocatePoolWithTag(_In_ POOL_TYPE PoolType, _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID ExFreePoolWithTag(_In_ PVOID P, _In_ ULONG Tag);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID ExFreePool(_In_ PVOID P);

/* ---- Memory ------------------------------------------------------------- */
void * __cdecl memcpy(void *Destination, const void *Source, size_t Size);
void * __cdecl memmove(void *Destination, const void *Source, size_t Size);
void * __cdecl memset(void *Destination, int Value, size_t Size);
int __cdecl memcmp(const void *Buffer1, const void *Buffer2, size_t Size);
void __stosb(unsigned char *Destination, unsigned char Data, size_t Count);

#define RtlEqualMemory(Destination, Source, Length) (!memcmp((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#define RtlCopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define RtlFillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))

/* As in the WDK on AMD64: an inline function over __stosb. */
FORCEINLINE PVOID RtlSecureZeroMemory(_Out_writes_bytes_all_(cnt) PVOID ptr, _In_ SIZE_T cnt)
{
    volatile char *vptr = (volatile char *)ptr;
    __stosb((PUCHAR)((ULONG64)vptr), 0, cnt);
    return ptr;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI SIZE_T RtlCompareMemory(_In_ const VOID *Source1, _In_ const VOID *Source2, _In_ SIZE_T Length);

/* ---- Probing caller buffers, raising exceptions ------------------------ */
_Maybe_raises_SEH_exception_
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForRead(__in_data_source(USER_MODE) _In_reads_bytes_(Length) volatile VOID *Address,
                                    _In_ SIZE_T Length, _In_ ULONG Alignment);

_Maybe_raises_SEH_exception_
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForWrite(__in_data_source(USER_MODE) _Inout_updates_bytes_(Length) volatile VOID *Address,
                                     _In_ SIZE_T Length, _In_ ULONG Alignment);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI DECLSPEC_NORETURN VOID NTAPI ExRaiseStatus(_In_ NTSTATUS Status);

/* ---- Paged code --------------------------------------------------------- */
#if DBG
#define PAGED_ASSERT(exp) ((exp) ? 1 : 0)
#define PAGED_CODE() PAGED_ASSERT(KeGetCurrentIrql() <= APC_LEVEL)
#else
#define NOP_FUNCTION (void)0
#define PAGED_CODE() NOP_FUNCTION;
#endif

/* ---- Files and registry (PASSIVE_LEVEL only) ------------------------------ */
typedef struct _IO_STATUS_BLOCK { union { NTSTATUS Status; PVOID Pointer; } u; ULONG_PTR Information; } IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;
typedef struct _OBJECT_ATTRIBUTES { ULONG Length; HANDLE RootDirectory; PUNICODE_STRING ObjectName; ULONG Attributes; PVOID SecurityDescriptor; PVOID SecurityQualityOfService; } OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef VOID (NTAPI *PIO_APC_ROUTINE)(PVOID ApcContext, PIO_STATUS_BLOCK IoStatusBlock, ULONG Reserved);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwCreateFile(_Out_ PHANDLE FileHandle, _In_ ACCESS_MASK DesiredAccess,
    _In_ POBJECT_ATTRIBUTES ObjectAttributes, _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_opt_ PLARGE_INTEGER AllocationSize, _In_ ULONG FileAttributes, _In_ ULONG ShareAccess,
    _In_ ULONG CreateDisposition, _In_ ULONG CreateOptions, _In_opt_ PVOID EaBuffer, _In_ ULONG EaLength);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwWriteFile(_In_ HANDLE FileHandle, _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine, _In_opt_ PVOID ApcContext, _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _In_reads_bytes_(Length) PVOID Buffer, _In_ ULONG Length, _In_opt_ PLARGE_INTEGER ByteOffset,
    _In_opt_ PULONG Key);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwReadFile(_In_ HANDLE FileHandle, _In_opt_ HANDLE Event,
    _In_opt_ PIO_APC_ROUTINE ApcRoutine, _In_opt_ PVOID ApcContext, _Out_ PIO_STATUS_BLOCK IoStatusBlock,
    _Out_writes_bytes_(Length) PVOID Buffer, _In_ ULONG Length, _In_opt_ PLARGE_INTEGER ByteOffset,
    _In_opt_ PULONG Key);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwClose(_In_ HANDLE Handle);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSYSAPI NTSTATUS NTAPI ZwFlushBuffersFile(_In_ HANDLE FileHandle, _Out_ PIO_STATUS_BLOCK IoStatusBlock);

/* ---- Diagnostics -------------------------------------------------------- */
ULONG __cdecl DbgPrint(_In_ PCHAR Format, ...);
ULONG __cdecl DbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level, _In_ PCHAR Format, ...);
DECLSPEC_NORETURN NTKERNELAPI VOID KeBugCheckEx(_In_ ULONG BugCheckCode, _In_ ULONG_PTR P1,
    _In_ ULONG_PTR P2, _In_ ULONG_PTR P3, _In_ ULONG_PTR P4);
#define NT_ASSERT(exp) ((void)0)
#define ASSERT(exp) ((void)0)

/* ---- Interlocked -------------------------------------------------------- */
LONG _InterlockedIncrement(LONG volatile *Addend);
LONG _InterlockedDecrement(LONG volatile *Addend);
#define InterlockedIncrement _InterlockedIncrement
#define InterlockedDecrement _InterlockedDecrement

EXTERN_C_END
#endif /* VMBCHECK_TEST_WDM_H */
