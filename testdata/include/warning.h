/*
 * warning.h - vmbcheck test header: the part of the WDK's warning.h that
 * changes what C code means. A WDK build force-includes warning.h into every
 * kernel-mode source; among warning pragmas it makes MSVC's C accept the
 * SEH keywords without underscores, unless the file opts out with
 * DONT_REDEFINE_TRYEXCEPT_IN_WARNING_H. Cases that use the short spellings
 * include it themselves. Not a copy of any WDK header.
 */
#ifndef VMBCHECK_TEST_WARNING_H
#define VMBCHECK_TEST_WARNING_H

#if !defined(__cplusplus) && !defined(DONT_REDEFINE_TRYEXCEPT_IN_WARNING_H)
#undef try
#undef except
#undef finally
#undef leave
#define try                         __try
#define except                      __except
#define finally                     __finally
#define leave                       __leave
#endif

#endif /* VMBCHECK_TEST_WARNING_H */
