/*
 * wdf.h - vmbcheck test header: the KMDF synchronisation methods a VSP built
 * on KMDF uses, written for vmbcheck from the documented behaviour
 * (learn.microsoft.com "wdfsync.h"). As in the real headers, each method is a
 * FORCEINLINE wrapper that calls the framework through its function table,
 * so the analysis sees no IRQL change in the body: the annotations carry it.
 */
#ifndef VMBCHECK_TEST_WDF_H
#define VMBCHECK_TEST_WDF_H
#include "wdm.h"
EXTERN_C_START

#ifndef DECLARE_HANDLE
#define DECLARE_HANDLE(name) struct name##__; typedef struct name##__ *name
#endif
DECLARE_HANDLE(WDFSPINLOCK);
DECLARE_HANDLE(WDFWAITLOCK);
DECLARE_HANDLE(WDFOBJECT);

typedef struct _WDF_DRIVER_GLOBALS *PWDF_DRIVER_GLOBALS;
extern PWDF_DRIVER_GLOBALS WdfDriverGlobals;
typedef VOID (*WDFFUNC)(VOID);
extern WDFFUNC WdfFunctions[];
enum { WdfSpinLockAcquireTableIndex = 1, WdfSpinLockReleaseTableIndex, WdfWaitLockAcquireTableIndex,
       WdfWaitLockReleaseTableIndex };

typedef VOID (*PFN_WDFSPINLOCKACQUIRE)(PWDF_DRIVER_GLOBALS, WDFSPINLOCK);
typedef VOID (*PFN_WDFSPINLOCKRELEASE)(PWDF_DRIVER_GLOBALS, WDFSPINLOCK);
typedef NTSTATUS (*PFN_WDFWAITLOCKACQUIRE)(PWDF_DRIVER_GLOBALS, WDFWAITLOCK, PLONGLONG);
typedef VOID (*PFN_WDFWAITLOCKRELEASE)(PWDF_DRIVER_GLOBALS, WDFWAITLOCK);

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
FORCEINLINE VOID
WdfSpinLockAcquire(_In_ _IRQL_saves_ WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKACQUIRE)WdfFunctions[WdfSpinLockAcquireTableIndex])(WdfDriverGlobals, SpinLock);
}

_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID
WdfSpinLockRelease(_In_ _IRQL_restores_ WDFSPINLOCK SpinLock)
{
    ((PFN_WDFSPINLOCKRELEASE)WdfFunctions[WdfSpinLockReleaseTableIndex])(WdfDriverGlobals, SpinLock);
}

_When_(Timeout == NULL || *Timeout != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Timeout != NULL && *Timeout == 0, _IRQL_requires_max_(APC_LEVEL))
FORCEINLINE NTSTATUS
WdfWaitLockAcquire(_In_ WDFWAITLOCK Lock, _In_opt_ PLONGLONG Timeout)
{
    return ((PFN_WDFWAITLOCKACQUIRE)WdfFunctions[WdfWaitLockAcquireTableIndex])(WdfDriverGlobals, Lock, Timeout);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
FORCEINLINE VOID
WdfWaitLockRelease(_In_ WDFWAITLOCK Lock)
{
    ((PFN_WDFWAITLOCKRELEASE)WdfFunctions[WdfWaitLockReleaseTableIndex])(WdfDriverGlobals, Lock);
}

EXTERN_C_END
#endif /* VMBCHECK_TEST_WDF_H */
