/* Which vector instruction sets the kernels may use: CPUID and XCR0, read once by the Swift side. */

#include "AICarbonKernels.h"

#if defined(__x86_64__)
#include <cpuid.h>

int aic_cpu_vector_level(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    /* OSXSAVE (bit 27) and AVX (bit 28), then the XMM and YMM state enabled by the system (XCR0 bits 1, 2). */
    if (!(c & (1u << 27)) || !(c & (1u << 28))) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    (void)hi;
    if ((lo & 6u) != 6u) return 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    if (!(b & (1u << 5))) return 0;
    /* AVX-512F (leaf 7, EBX bit 16) with the opmask and ZMM state enabled (XCR0 bits 5, 6, 7). */
    return (b & (1u << 16)) && (lo & 0xE0u) == 0xE0u ? 2 : 1;
}

#else

int aic_cpu_vector_level(void) { return 0; }

#endif
