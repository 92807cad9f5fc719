/* Taus2.Lanes.fill of AICarbon (Sources/AICarbon/Uncertainty/Kernels/Taus2.swift) with one 256-bit register
   a component: eight taus2 generators stepped together, eight steps at a time, their outputs transposed in
   registers (an 8 × 8 transpose of 32-bit words) so that each lane's eight consecutive outputs are stored
   together as x · 2⁻³² (exact: a 32-bit integer times a power of two). The same integers and the same
   doubles as the Swift lanes. */

#include "ExactArithmetic.h"

#if defined(__x86_64__)

/* One step of each component of eight generators (the recurrences of Taus2.step1/2/3). */
#define AIC_TAUS2_STEP(s1, s2, s3)                                                                                     \
    do {                                                                                                           \
        s1 = _mm256_xor_si256(_mm256_slli_epi32(_mm256_and_si256(s1, mask1), 12),                                  \
                              _mm256_srli_epi32(_mm256_xor_si256(_mm256_slli_epi32(s1, 13), s1), 19));             \
        s2 = _mm256_xor_si256(_mm256_slli_epi32(_mm256_and_si256(s2, mask2), 4),                                   \
                              _mm256_srli_epi32(_mm256_xor_si256(_mm256_slli_epi32(s2, 2), s2), 25));              \
        s3 = _mm256_xor_si256(_mm256_slli_epi32(_mm256_and_si256(s3, mask3), 17),                                  \
                              _mm256_srli_epi32(_mm256_xor_si256(_mm256_slli_epi32(s3, 3), s3), 11));              \
    } while (0)

/* Steps the eight generators `segment` times; `store` converts and stores eight outputs of one lane. */
__attribute__((always_inline, target("avx2"))) static inline int fill(uint32_t *state, double *buffer, int64_t segment,
                                                                       void (*store)(double *, __m256i)) {
    const __m256i mask1 = _mm256_set1_epi32((int)0xFFFFFFFE), mask2 = _mm256_set1_epi32((int)0xFFFFFFF8);
    const __m256i mask3 = _mm256_set1_epi32((int)0xFFFFFFF0), zero = _mm256_setzero_si256();
    __m256i s1 = _mm256_loadu_si256((const __m256i *)state), s2 = _mm256_loadu_si256((const __m256i *)(state + 8));
    __m256i s3 = _mm256_loadu_si256((const __m256i *)(state + 16));
    __m256i zeros = zero;
    int64_t t = 0;
    for (; t + 8 <= segment; t += 8) {
        __m256i x[8];
        for (int k = 0; k < 8; k++) {
            AIC_TAUS2_STEP(s1, s2, s3);
            x[k] = _mm256_xor_si256(_mm256_xor_si256(s1, s2), s3);
            zeros = _mm256_or_si256(zeros, _mm256_cmpeq_epi32(x[k], zero));
        }
        /* Rows are steps, columns lanes: transposed, row j is lane j's eight outputs. */
        const __m256i t0 = _mm256_unpacklo_epi32(x[0], x[1]), t1 = _mm256_unpackhi_epi32(x[0], x[1]);
        const __m256i t2 = _mm256_unpacklo_epi32(x[2], x[3]), t3 = _mm256_unpackhi_epi32(x[2], x[3]);
        const __m256i t4 = _mm256_unpacklo_epi32(x[4], x[5]), t5 = _mm256_unpackhi_epi32(x[4], x[5]);
        const __m256i t6 = _mm256_unpacklo_epi32(x[6], x[7]), t7 = _mm256_unpackhi_epi32(x[6], x[7]);
        const __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
        const __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
        const __m256i u4 = _mm256_unpacklo_epi64(t4, t6), u5 = _mm256_unpackhi_epi64(t4, t6);
        const __m256i u6 = _mm256_unpacklo_epi64(t5, t7), u7 = _mm256_unpackhi_epi64(t5, t7);
        store(buffer + 0 * segment + t, _mm256_permute2x128_si256(u0, u4, 0x20));
        store(buffer + 1 * segment + t, _mm256_permute2x128_si256(u1, u5, 0x20));
        store(buffer + 2 * segment + t, _mm256_permute2x128_si256(u2, u6, 0x20));
        store(buffer + 3 * segment + t, _mm256_permute2x128_si256(u3, u7, 0x20));
        store(buffer + 4 * segment + t, _mm256_permute2x128_si256(u0, u4, 0x31));
        store(buffer + 5 * segment + t, _mm256_permute2x128_si256(u1, u5, 0x31));
        store(buffer + 6 * segment + t, _mm256_permute2x128_si256(u2, u6, 0x31));
        store(buffer + 7 * segment + t, _mm256_permute2x128_si256(u3, u7, 0x31));
    }
    /* The last steps (fewer than eight), one value a lane at a time. */
    for (; t < segment; t++) {
        AIC_TAUS2_STEP(s1, s2, s3);
        const __m256i x = _mm256_xor_si256(_mm256_xor_si256(s1, s2), s3);
        zeros = _mm256_or_si256(zeros, _mm256_cmpeq_epi32(x, zero));
        uint32_t words[8];
        _mm256_storeu_si256((__m256i *)words, x);
        for (int j = 0; j < 8; j++) buffer[j * segment + t] = (double)words[j] * 0x1p-32;
    }
    _mm256_storeu_si256((__m256i *)state, s1);
    _mm256_storeu_si256((__m256i *)(state + 8), s2);
    _mm256_storeu_si256((__m256i *)(state + 16), s3);
    return !_mm256_testz_si256(zeros, zeros);
}

/* Eight outputs x as the doubles x · 2⁻³²: each word placed in the low half of the double 2⁵² + x (exponent
   bits 0x433), 2⁵² subtracted (exact), then scaled by 2⁻³² (exact). */
__attribute__((target("avx2"))) static void store4(double *p, __m256i x) {
    const __m256i exponent = _mm256_set1_epi64x(0x4330000000000000LL);
    const __m256d shift = _mm256_set1_pd(0x1p52), scale = _mm256_set1_pd(0x1p-32);
    const __m256i low = _mm256_or_si256(_mm256_cvtepu32_epi64(_mm256_castsi256_si128(x)), exponent);
    const __m256i high = _mm256_or_si256(_mm256_cvtepu32_epi64(_mm256_extracti128_si256(x, 1)), exponent);
    _mm256_storeu_pd(p, _mm256_mul_pd(_mm256_sub_pd(_mm256_castsi256_pd(low), shift), scale));
    _mm256_storeu_pd(p + 4, _mm256_mul_pd(_mm256_sub_pd(_mm256_castsi256_pd(high), shift), scale));
}

/* The same in one AVX-512F conversion of eight unsigned words. */
__attribute__((target("avx512f"))) static void store8(double *p, __m256i x) {
    _mm512_storeu_pd(p, _mm512_mul_pd(_mm512_cvtepu32_pd(x), _mm512_set1_pd(0x1p-32)));
}

__attribute__((target("avx2"))) static int fill4(uint32_t *state, double *buffer, int64_t segment) {
    return fill(state, buffer, segment, store4);
}

__attribute__((target("avx512f"))) static int fill8(uint32_t *state, double *buffer, int64_t segment) {
    return fill(state, buffer, segment, store8);
}

int aic_taus2_fill_avx2(uint32_t *state, double *buffer, int64_t segment) { return fill4(state, buffer, segment); }

int aic_taus2_fill_avx512(uint32_t *state, double *buffer, int64_t segment) { return fill8(state, buffer, segment); }

#else

int aic_taus2_fill_avx2(uint32_t *state, double *buffer, int64_t segment) {
    (void)state; (void)buffer; (void)segment;
    return 0;
}

int aic_taus2_fill_avx512(uint32_t *state, double *buffer, int64_t segment) {
    (void)state; (void)buffer; (void)segment;
    return 0;
}

#endif
