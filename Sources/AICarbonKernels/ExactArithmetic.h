/* Included first by every kernel: the kernels' results must be the bits of the Swift code they stand in
   for, so no multiply and add may be contracted into a fused multiply-add (which rounds once instead of
   twice), whatever the compiler's default or the target's features. */
#ifndef AICARBON_EXACT_ARITHMETIC_H
#define AICARBON_EXACT_ARITHMETIC_H

#include "AICarbonKernels.h"

#pragma STDC FP_CONTRACT OFF
#if defined(__clang__)
#pragma clang fp contract(off)
#endif

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#endif
