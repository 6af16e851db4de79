/*
 * excpt.h - vmbcheck test header: the structured exception handling
 * intrinsics and filter values, as the WDK's CRT excpt.h declares them for
 * MSVC (documented: "try-except statement", "GetExceptionCode"). ntdef.h
 * includes it, as in the WDK. Not a copy of any WDK header.
 */
#ifndef VMBCHECK_TEST_EXCPT_H
#define VMBCHECK_TEST_EXCPT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum _EXCEPTION_DISPOSITION {
    ExceptionContinueExecution,
    ExceptionContinueSearch,
    ExceptionNestedException,
    ExceptionCollidedUnwind
} EXCEPTION_DISPOSITION;

#ifdef _MSC_VER
#define GetExceptionCode            _exception_code
#define exception_code              _exception_code
#define GetExceptionInformation     (struct _EXCEPTION_POINTERS *)_exception_info
#define exception_info              (struct _EXCEPTION_POINTERS *)_exception_info
#define AbnormalTermination         _abnormal_termination
#define abnormal_termination        _abnormal_termination

unsigned long __cdecl _exception_code(void);
void *        __cdecl _exception_info(void);
int           __cdecl _abnormal_termination(void);
#endif

/* Legal values for the expression in except(). */
#define EXCEPTION_EXECUTE_HANDLER       1
#define EXCEPTION_CONTINUE_SEARCH       0
#define EXCEPTION_CONTINUE_EXECUTION    -1

#ifdef __cplusplus
}
#endif

#endif /* VMBCHECK_TEST_EXCPT_H */
