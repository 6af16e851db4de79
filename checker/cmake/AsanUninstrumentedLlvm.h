// Force-included in the AddressSanitizer build (VMBCHECK_SANITIZE).
//
// Debian's LLVM 19 libraries are not instrumented, but the LLVM headers see
// that *this* code is and make the allocators inlined here poison a new
// slab and unpoison only the pieces they hand out. Our copies of those
// template functions are also the ones the libraries call (the executable
// exports them), while the libraries' own inlined fast paths hand out
// pieces of the same slab without unpoisoning them. Reading such an object
// (a ProgramState, say) from our code is then reported as use-after-poison
// although it is live: a false positive that the fuzzer hit on its first
// minute. Making the header's poisoning a no-op keeps every real ASan check
// (heap, stack, globals) and drops only this one, which cannot be right
// for memory that the uninstrumented libraries manage.
#pragma once

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#define __asan_poison_memory_region(p, size) ((void)(p), (void)(size))
#define __asan_unpoison_memory_region(p, size) ((void)(p), (void)(size))
#endif
#endif
