/*
 * sal.h - vmbcheck test header: SAL 2.0 annotations as the WDK defines them
 * when the code is NOT compiled by Microsoft's /analyze.
 *
 * Written for vmbcheck from the documented SAL 2.0 annotation names. Every
 * annotation is a macro that expands, through several layers of inner
 * macros, to nothing - exactly like the real headers outside /analyze - so
 * the annotations leave no trace in the AST. vmbcheck must recover them from
 * the preprocessor.
 */
#ifndef VMBCHECK_TEST_SAL_H
#define VMBCHECK_TEST_SAL_H

/* The innermost layer: everything ends here. */
#define _SAL_nop_impl_
#define _SA_annotes0(n) _SAL_nop_impl_
#define _SA_annotes1(n, pp1) _SAL_nop_impl_
#define _SA_annotes2(n, pp1, pp2) _SAL_nop_impl_
#define _SA_annotes3(n, pp1, pp2, pp3) _SAL_nop_impl_
#define _Group_impl_(annos) _SAL_nop_impl_
#define _Group_(annos) _Group_impl_(annos)
#define _Pre1_impl_(p1) _SAL_nop_impl_
#define _Post1_impl_(p1) _SAL_nop_impl_
#define _Pre2_impl_(p1, p2) _SAL_nop_impl_
#define _Post2_impl_(p1, p2) _SAL_nop_impl_
#define _Deref_post1_impl_(p1) _SAL_nop_impl_
#define _SAL2_Source_(Name, args, annotes) \
    _SA_annotes3(SAL_name, #Name, "", "2") _Group_(annotes _SAL_nop_impl_)

/* Parameter annotations. */
#define _In_ _SAL2_Source_(_In_, (), _Pre1_impl_(__notnull_impl_notref) _Pre_valid_impl_)
#define _In_opt_ _SAL2_Source_(_In_opt_, (), _Pre1_impl_(__maybenull_impl_notref) _Pre_valid_impl_)
#define _Out_ _SAL2_Source_(_Out_, (), _Out_impl_)
#define _Out_opt_ _SAL2_Source_(_Out_opt_, (), _Out_opt_impl_)
#define _Inout_ _SAL2_Source_(_Inout_, (), _Prepost_valid_)
#define _Inout_opt_ _SAL2_Source_(_Inout_opt_, (), _Prepost_opt_valid_)
#define _Out_writes_bytes_(size) _SAL2_Source_(_Out_writes_bytes_, (size), _Pre_bytecap_(size) _Post_valid_impl_)
#define _Out_writes_bytes_opt_(size) _SAL2_Source_(_Out_writes_bytes_opt_, (size), _Pre_opt_bytecap_(size) _Post_valid_impl_)
#define _Out_writes_bytes_all_(size) _SAL2_Source_(_Out_writes_bytes_all_, (size), _Pre_bytecap_(size) _Post_bytecount_(size))
#define _Out_writes_bytes_to_(size, count) _SAL2_Source_(_Out_writes_bytes_to_, (size, count), _Pre_bytecap_(size) _Post_bytecount_(count))
#define _In_reads_bytes_(size) _SAL2_Source_(_In_reads_bytes_, (size), _Pre_bytecount_(size) _Pre_valid_impl_)
#define _In_reads_bytes_opt_(size) _SAL2_Source_(_In_reads_bytes_opt_, (size), _Pre_opt_bytecount_(size) _Pre_valid_impl_)
#define _Inout_updates_bytes_(size) _SAL2_Source_(_Inout_updates_bytes_, (size), _Pre_bytecap_(size) _Post_valid_impl_)
#define _Deref_out_range_(lb, ub) _SAL2_Source_(_Deref_out_range_, (lb, ub), _Deref_post1_impl_(__range_impl(lb, ub)))
#define _Outptr_ _SAL2_Source_(_Outptr_, (), _Out_impl_ _Deref_post1_impl_(__notnull_impl_notref))
#define _Outptr_result_maybenull_ _SAL2_Source_(_Outptr_result_maybenull_, (), _Out_impl_)
#define _Notliteral_ _SAL2_Source_(_Notliteral_, (), _Pre1_impl_(__notliteral_impl))
#define _Literal_ _SAL2_Source_(_Literal_, (), _Pre1_impl_(__literal_impl))
#define _Reserved_ _SAL2_Source_(_Reserved_, (), _Pre1_impl_(__null_impl))

/* Function annotations. */
#define _Use_decl_annotations_ _SA_annotes0(SAL_useHeader)
#define _Must_inspect_result_ _SAL2_Source_(_Must_inspect_result_, (), _Post1_impl_(__must_check_impl))
#define _Check_return_ _SAL2_Source_(_Check_return_, (), _Post1_impl_(__check_return_impl))
#define _Success_(expr) _SAL2_Source_(_Success_, (expr), _SA_annotes1(SAL_success, expr))
#define _Return_type_success_(expr) _SAL2_Source_(_Return_type_success_, (expr), _SA_annotes1(SAL_success, expr))
#define _When_(expr, annos) _SAL2_Source_(_When_, (expr, annos), _SA_annotes1(SAL_when, expr) _Group_(annos))
#define _Pre_satisfies_(cond) _SAL2_Source_(_Pre_satisfies_, (cond), _Pre1_impl_(__satisfies_impl(cond)))
#define _Post_satisfies_(cond) _SAL2_Source_(_Post_satisfies_, (cond), _Post1_impl_(__satisfies_impl(cond)))
#define _Analysis_assume_(expr) _SAL_nop_impl_
#define _Maybe_raises_SEH_exception_ _SAL2_Source_(_Maybe_raises_SEH_exception_, (x), _Pre1_impl_(__inTry_impl))
#define __in_data_source(src_sym) _SAL2_Source_(__in_data_source, (src_sym), _Pre1_impl_(__inner_data_source(#src_sym)))

#endif /* VMBCHECK_TEST_SAL_H */
