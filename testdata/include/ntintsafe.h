/*
 * ntintsafe.h - vmbcheck test header: the kernel's checked integer
 * arithmetic (RtlULongAdd, RtlULongMult, RtlSizeTMult, ...) for unsigned
 * types, written for vmbcheck from the documented contract ("ntintsafe.h
 * functions" on learn.microsoft.com): on success the out parameter holds the
 * exact result and STATUS_SUCCESS is returned; when the result does not fit
 * the out parameter is set to the type's *_ERROR value and
 * STATUS_INTEGER_OVERFLOW is returned.
 *
 * The forms follow the WDK: each routine is an `__inline` function with its
 * body in the header, annotated _Must_inspect_result_ and
 * _Deref_out_range_(==, a op b); 32-bit products go through the
 * UInt32x32To64 macro, 64-bit ones through UnsignedMultiply128 (the
 * _umul128 intrinsic on AMD64); on 64-bit Windows the SIZE_T and *_PTR
 * variants are macros over the ULONGLONG routines. vmbcheck does not inline
 * these bodies: it evaluates the calls itself.
 */
#ifndef VMBCHECK_TEST_NTINTSAFE_H
#define VMBCHECK_TEST_NTINTSAFE_H
#include "ntdef.h"
EXTERN_C_START

#ifndef USHRT_MAX
#define USHRT_MAX 0xffff
#endif
#ifndef UINT_MAX
#define UINT_MAX 0xffffffff
#endif
#ifndef ULONG_MAX
#define ULONG_MAX 0xffffffffUL
#endif
#define USHORT_ERROR    0xffff
#define UINT_ERROR      0xffffffff
#define ULONG_ERROR     0xffffffffUL
#define ULONGLONG_ERROR 0xffffffffffffffffui64
#define SIZE_T_ERROR    0xffffffffffffffffui64

#define UnsignedMultiply128 _umul128
ULONG64
UnsignedMultiply128(
    _In_ ULONGLONG ullMultiplicand,
    _In_ ULONGLONG ullMultiplier,
    _Out_ _Deref_out_range_(==, ullMultiplicand * ullMultiplier) ULONGLONG* pullResultHigh);

#ifndef UInt32x32To64
#define UInt32x32To64(a, b) (((unsigned __int64)((unsigned int)(a))) * ((unsigned __int64)((unsigned int)(b))))
#endif

/* ---- Conversions --------------------------------------------------------- */
_Must_inspect_result_
__inline
NTSTATUS
RtlULongToUShort(
    _In_ ULONG ulOperand,
    _Out_ _Deref_out_range_(==, ulOperand) USHORT* pusResult)
{
    if (ulOperand > USHRT_MAX) {
        *pusResult = USHORT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pusResult = (USHORT)ulOperand;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongToUInt(
    _In_ ULONGLONG ullOperand,
    _Out_ _Deref_out_range_(==, ullOperand) UINT* puResult)
{
    if (ullOperand > UINT_MAX) {
        *puResult = UINT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *puResult = (UINT)ullOperand;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongToULong(
    _In_ ULONGLONG ullOperand,
    _Out_ _Deref_out_range_(==, ullOperand) ULONG* pulResult)
{
    if (ullOperand > ULONG_MAX) {
        *pulResult = ULONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pulResult = (ULONG)ullOperand;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongToUIntPtr(
    _In_ ULONGLONG ullOperand,
    _Out_ _Deref_out_range_(==, ullOperand) ULONG_PTR* puResult)
{
    *puResult = ullOperand;
    return STATUS_SUCCESS;
}

#define RtlUIntPtrToULong      RtlULongLongToULong
#define RtlULongPtrToULong     RtlULongLongToULong
#define RtlSizeTToULong        RtlUIntPtrToULong
#define RtlUIntPtrToUInt       RtlULongLongToUInt
#define RtlSizeTToUInt         RtlUIntPtrToUInt
#define RtlULongLongToSizeT    RtlULongLongToUIntPtr
#define RtlULongLongToDWord    RtlULongLongToULong

/* ---- Addition ------------------------------------------------------------ */
_Must_inspect_result_
__inline
NTSTATUS
RtlUShortAdd(
    _In_ USHORT usAugend,
    _In_ USHORT usAddend,
    _Out_ _Deref_out_range_(==, usAugend + usAddend) USHORT* pusResult)
{
    USHORT sum = (USHORT)(usAugend + usAddend);
    if (sum < usAugend) {
        *pusResult = USHORT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pusResult = sum;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlUIntAdd(
    _In_ UINT uAugend,
    _In_ UINT uAddend,
    _Out_ _Deref_out_range_(==, uAugend + uAddend) UINT* puResult)
{
    UINT sum = (UINT)(uAugend + uAddend);
    if (sum < uAugend) {
        *puResult = UINT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *puResult = sum;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongAdd(
    _In_ ULONG ulAugend,
    _In_ ULONG ulAddend,
    _Out_ _Deref_out_range_(==, ulAugend + ulAddend) ULONG* pulResult)
{
    ULONG sum = (ULONG)(ulAugend + ulAddend);
    if (sum < ulAugend) {
        *pulResult = ULONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pulResult = sum;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlSizeTAdd(
    _In_ size_t Augend,
    _In_ size_t Addend,
    _Out_ _Deref_out_range_(==, Augend + Addend) size_t* pResult)
{
    size_t sum = (size_t)(Augend + Addend);
    if (sum < Augend) {
        *pResult = SIZE_T_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pResult = sum;
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongAdd(
    _In_ ULONGLONG ullAugend,
    _In_ ULONGLONG ullAddend,
    _Out_ _Deref_out_range_(==, ullAugend + ullAddend) ULONGLONG* pullResult)
{
    ULONGLONG sum = (ULONGLONG)(ullAugend + ullAddend);
    if (sum < ullAugend) {
        *pullResult = ULONGLONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pullResult = sum;
    return STATUS_SUCCESS;
}

#define RtlUInt32Add       RtlUIntAdd
#define RtlDWordAdd        RtlULongAdd
#define RtlUIntPtrAdd      RtlULongLongAdd
#define RtlULongPtrAdd     RtlULongLongAdd
#define RtlSIZETAdd        RtlULongLongAdd
#define RtlUInt64Add       RtlULongLongAdd

/* ---- Subtraction --------------------------------------------------------- */
_Must_inspect_result_
__inline
NTSTATUS
RtlUShortSub(
    _In_ USHORT usMinuend,
    _In_ USHORT usSubtrahend,
    _Out_ _Deref_out_range_(==, usMinuend - usSubtrahend) USHORT* pusResult)
{
    if (usSubtrahend > usMinuend) {
        *pusResult = USHORT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pusResult = (USHORT)(usMinuend - usSubtrahend);
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlUIntSub(
    _In_ UINT uMinuend,
    _In_ UINT uSubtrahend,
    _Out_ _Deref_out_range_(==, uMinuend - uSubtrahend) UINT* puResult)
{
    if (uSubtrahend > uMinuend) {
        *puResult = UINT_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *puResult = (UINT)(uMinuend - uSubtrahend);
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongSub(
    _In_ ULONG ulMinuend,
    _In_ ULONG ulSubtrahend,
    _Out_ _Deref_out_range_(==, ulMinuend - ulSubtrahend) ULONG* pulResult)
{
    if (ulSubtrahend > ulMinuend) {
        *pulResult = ULONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pulResult = (ULONG)(ulMinuend - ulSubtrahend);
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlSizeTSub(
    _In_ size_t Minuend,
    _In_ size_t Subtrahend,
    _Out_ _Deref_out_range_(==, Minuend - Subtrahend) size_t* pResult)
{
    if (Subtrahend > Minuend) {
        *pResult = SIZE_T_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pResult = (size_t)(Minuend - Subtrahend);
    return STATUS_SUCCESS;
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongSub(
    _In_ ULONGLONG ullMinuend,
    _In_ ULONGLONG ullSubtrahend,
    _Out_ _Deref_out_range_(==, ullMinuend - ullSubtrahend) ULONGLONG* pullResult)
{
    if (ullSubtrahend > ullMinuend) {
        *pullResult = ULONGLONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pullResult = (ULONGLONG)(ullMinuend - ullSubtrahend);
    return STATUS_SUCCESS;
}

#define RtlUInt32Sub       RtlUIntSub
#define RtlDWordSub        RtlULongSub
#define RtlULongPtrSub     RtlULongLongSub

/* ---- Multiplication ------------------------------------------------------ */
_Must_inspect_result_
__inline
NTSTATUS
RtlUShortMult(
    _In_ USHORT usMultiplicand,
    _In_ USHORT usMultiplier,
    _Out_ _Deref_out_range_(==, usMultiplicand * usMultiplier) USHORT* pusResult)
{
    return RtlULongToUShort((ULONG)usMultiplicand * (ULONG)usMultiplier, pusResult);
}

_Must_inspect_result_
__inline
NTSTATUS
RtlUIntMult(
    _In_ UINT uMultiplicand,
    _In_ UINT uMultiplier,
    _Out_ _Deref_out_range_(==, uMultiplicand * uMultiplier) UINT* puResult)
{
    return RtlULongLongToUInt(UInt32x32To64(uMultiplicand, uMultiplier), puResult);
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongMult(
    _In_ ULONG ulMultiplicand,
    _In_ ULONG ulMultiplier,
    _Out_ _Deref_out_range_(==, ulMultiplicand * ulMultiplier) ULONG* pulResult)
{
    return RtlULongLongToULong(UInt32x32To64(ulMultiplicand, ulMultiplier), pulResult);
}

_Must_inspect_result_
__inline
NTSTATUS
RtlULongLongMult(
    _In_ ULONGLONG ullMultiplicand,
    _In_ ULONGLONG ullMultiplier,
    _Out_ _Deref_out_range_(==, ullMultiplicand * ullMultiplier) ULONGLONG* pullResult)
{
    ULONGLONG high;
    ULONGLONG low = UnsignedMultiply128(ullMultiplicand, ullMultiplier, &high);
    if (high != 0) {
        *pullResult = ULONGLONG_ERROR;
        return STATUS_INTEGER_OVERFLOW;
    }
    *pullResult = low;
    return STATUS_SUCCESS;
}

#define RtlUInt32Mult      RtlUIntMult
#define RtlDWordMult       RtlULongMult
#define RtlUIntPtrMult     RtlULongLongMult
#define RtlULongPtrMult    RtlULongLongMult
#define RtlSizeTMult       RtlULongLongMult
#define RtlSIZETMult       RtlULongLongMult
#define RtlUInt64Mult      RtlULongLongMult

EXTERN_C_END
#endif /* VMBCHECK_TEST_NTINTSAFE_H */
