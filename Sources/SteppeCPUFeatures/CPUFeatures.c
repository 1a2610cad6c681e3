// The CPU features `steppe` needs before it runs its x86-64-v3 copy (Sources/SteppeCLI/CPULevel.swift).
// Read with CPUID and XGETBV (header-only <cpuid.h>: no runtime library), because Swift has neither.
#include "SteppeCPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

static int has(unsigned int reg, int bit) { return (reg >> bit) & 1; }

int steppe_cpu_runs_x86_64_v3(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // Leaf 1 ECX: SSE3 0, SSSE3 9, FMA 12, CMPXCHG16B 13, SSE4.1 19, SSE4.2 20, MOVBE 22, POPCNT 23,
    // XSAVE 26, OSXSAVE 27 (the OS saves extended state), AVX 28, F16C 29.
    const int leaf1[] = {0, 9, 12, 13, 19, 20, 22, 23, 26, 27, 28, 29};
    for (unsigned i = 0; i < sizeof leaf1 / sizeof leaf1[0]; i++) if (!has(c, leaf1[i])) return 0;
    // The OS saves and restores the SSE and AVX (YMM) registers: XCR0 bits 1 and 2.
    unsigned int xcr0_low, xcr0_high;
    __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & 6) != 6) return 0;
    // Leaf 7 EBX: BMI1 3, AVX2 5, BMI2 8.
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    if (!has(b, 3) || !has(b, 5) || !has(b, 8)) return 0;
    // Leaf 0x80000001 ECX: LAHF/SAHF in 64-bit mode 0, LZCNT 5.
    if (!__get_cpuid(0x80000001, &a, &b, &c, &d)) return 0;
    if (!has(c, 0) || !has(c, 5)) return 0;
    return 1;
}
#else
int steppe_cpu_runs_x86_64_v3(void) { return 0; }
#endif
