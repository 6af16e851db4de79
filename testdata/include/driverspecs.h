/*
 * driverspecs.h - vmbcheck test header: the driver-specific SAL annotations
 * (IRQL, function class, locks) as the WDK defines them outside /analyze.
 *
 * Written for vmbcheck from the documented annotation names and meanings
 * ("IRQL annotations for drivers", "Function class annotations"). As in the
 * WDK they expand to nothing through inner macros.
 */
#ifndef VMBCHECK_TEST_DRIVERSPECS_H
#define VMBCHECK_TEST_DRIVERSPECS_H
#include "sal.h"

#define __drv_nop_impl_(x) _SAL_nop_impl_
#define __drv_declspec_impl_(x) __drv_nop_impl_(x)
#define _Drv_annotation_(name, args) __drv_declspec_impl_(name args)

/* IRQL annotations. The argument is evaluated against the level macros the
   translation unit defines (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, ...). */
#define _IRQL_requires_(irql) _Drv_annotation_("SAL_IRQL_level", (irql)) _Pre_satisfies_(irql == irql)
#define _IRQL_requires_max_(irql) _Drv_annotation_("SAL_maxIRQL", (irql))
#define _IRQL_requires_min_(irql) _Drv_annotation_("SAL_minIRQL", (irql))
#define _IRQL_raises_(irql) _Drv_annotation_("SAL_raiseIRQL", (irql))
#define _IRQL_saves_ _Drv_annotation_("SAL_saveIRQL", ())
#define _IRQL_restores_ _Drv_annotation_("SAL_restoreIRQL", ())
#define _IRQL_saves_global_(kind, param) _Drv_annotation_("SAL_saveIRQLGlobal", (kind, param))
#define _IRQL_restores_global_(kind, param) _Drv_annotation_("SAL_restoreIRQLGlobal", (kind, param))
#define _IRQL_requires_same_ _Drv_annotation_("SAL_sameIRQL", ())
#define _IRQL_always_function_min_(irql) _Drv_annotation_("SAL_functionMinIRQL", (irql))
#define _IRQL_always_function_max_(irql) _Drv_annotation_("SAL_functionMaxIRQL", (irql))
#define _IRQL_uses_cancel_ _Drv_annotation_("SAL_UseCancelIrql", ())
#define _IRQL_is_cancel_ _Drv_annotation_("SAL_IsCancelIrql", ())

/* Legacy spellings still found in older drivers. */
#define __drv_maxIRQL(irql) _IRQL_requires_max_(irql)
#define __drv_minIRQL(irql) _IRQL_requires_min_(irql)
#define __drv_requiresIRQL(irql) _IRQL_requires_(irql)
#define __drv_raisesIRQL(irql) _IRQL_raises_(irql)
#define __drv_savesIRQL _IRQL_saves_
#define __drv_restoresIRQL _IRQL_restores_
#define __drv_sameIRQL _IRQL_requires_same_

/* Type and diagnostic annotations (the WDK writes them on DDI parameters). */
#define __drv_typeConst 0
#define __drv_typeCond 1
#define __drv_typeBitset 2
#define __drv_typeExpr 3
#define __drv_strictTypeMatch(mode) _Drv_annotation_("SAL_strictTypeMatch", (mode))
#define __drv_strictType(typename, mode) _Drv_annotation_("SAL_strictType", (typename, mode))
#define _Strict_type_match_ __drv_strictTypeMatch(__drv_typeConst)
#define __drv_reportError(why) _Drv_annotation_("SAL_error", (why))
#define _Points_to_data_ _SAL2_Source_(_Points_to_data_, (), _Pre1_impl_(__points_to_data_impl))

/* Function class and role annotations. */
#define _Function_class_(x) _SA_annotes1(SAL_functionClassNew, #x)
#define __drv_functionClass(x) _Function_class_(x)
#define _Dispatch_type_(type) _Drv_annotation_("SAL_dispatchType", (type))
#define _Kernel_requires_resource_held_(kind) _Drv_annotation_("SAL_requiresResourceHeld", (kind))
#define _Kernel_clear_do_init_(yesNo) _Drv_annotation_("SAL_clearDoInit", (yesNo))

/* Lock annotations. */
#define _Acquires_lock_(lock) _SAL2_Source_(_Acquires_lock_, (lock), _Post1_impl_(__acquires_lock(lock)))
#define _Releases_lock_(lock) _SAL2_Source_(_Releases_lock_, (lock), _Post1_impl_(__releases_lock(lock)))
#define _Requires_lock_held_(lock) _SAL2_Source_(_Requires_lock_held_, (lock), _Pre1_impl_(__requires_lock_held(lock)))
#define _Requires_lock_not_held_(lock) _SAL2_Source_(_Requires_lock_not_held_, (lock), _Pre1_impl_(__requires_lock_not_held(lock)))
#define _Acquires_exclusive_lock_(lock) _Acquires_lock_(lock)
#define _Releases_exclusive_lock_(lock) _Releases_lock_(lock)

#endif /* VMBCHECK_TEST_DRIVERSPECS_H */
