/* CountingBins.cells of AICarbon (Sources/AICarbon/Uncertainty/Summaries/CountingBins.swift) in AVX2 and
   AVX-512F: the cell of each value, (v − lower) · scale + 1/2, clamped to [0, top] (0 for NaN), rounded
   to an integer by adding 2⁵² and reading the bits. The same operations in the same order as the Swift
   lanes, with no contraction into fused multiply-adds: the same cells. */

#include "ExactArithmetic.h"

#if defined(__x86_64__)

__attribute__((target("avx2")))
static void cells4(const double *v, int64_t count, const aic_binning *binning, int32_t *cells) {
    const __m256d lower = _mm256_set1_pd(binning->lower), scale = _mm256_set1_pd(binning->scale);
    const __m256d top = _mm256_set1_pd(binning->top), half = _mm256_set1_pd(0.5), zero = _mm256_setzero_pd();
    const __m256d magic = _mm256_set1_pd(0x1p52);
    const __m256i magicBits = _mm256_castpd_si256(magic);
    /* The low 32 bits of each 64-bit lane, in order, in the low 128 bits. */
    const __m256i low = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
    for (int64_t i = 0; i + 4 <= count; i += 4) {
        const __m256d shifted = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(_mm256_loadu_pd(v + i), lower), scale), half);
        __m256d clamped = _mm256_blendv_pd(shifted, top, _mm256_cmp_pd(top, shifted, _CMP_LT_OQ));
        clamped = _mm256_and_pd(clamped, _mm256_cmp_pd(shifted, zero, _CMP_GE_OQ));
        const __m256i bits = _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(clamped, magic)), magicBits);
        _mm_storeu_si128((__m128i *)(cells + i), _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(bits, low)));
    }
}

__attribute__((target("avx512f")))
static void cells8(const double *v, int64_t count, const aic_binning *binning, int32_t *cells) {
    const __m512d lower = _mm512_set1_pd(binning->lower), scale = _mm512_set1_pd(binning->scale);
    const __m512d top = _mm512_set1_pd(binning->top), half = _mm512_set1_pd(0.5), zero = _mm512_setzero_pd();
    const __m512d magic = _mm512_set1_pd(0x1p52);
    const __m512i magicBits = _mm512_castpd_si512(magic);
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m512d shifted = _mm512_add_pd(_mm512_mul_pd(_mm512_sub_pd(_mm512_loadu_pd(v + i), lower), scale), half);
        __m512d clamped = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(top, shifted, _CMP_LT_OQ), shifted, top);
        clamped = _mm512_maskz_mov_pd(_mm512_cmp_pd_mask(shifted, zero, _CMP_GE_OQ), clamped);
        const __m512i bits = _mm512_sub_epi64(_mm512_castpd_si512(_mm512_add_pd(clamped, magic)), magicBits);
        _mm256_storeu_si256((__m256i *)(cells + i), _mm512_cvtepi64_epi32(bits));
    }
    if (i < count) cells4(v + i, count - i, binning, cells + i);
}

void aic_cells_avx2(const double *values, int64_t count, const aic_binning *binning, int32_t *cells) {
    cells4(values, count, binning, cells);
}

void aic_cells_avx512(const double *values, int64_t count, const aic_binning *binning, int32_t *cells) {
    cells8(values, count, binning, cells);
}

#else

void aic_cells_avx2(const double *values, int64_t count, const aic_binning *binning, int32_t *cells) {
    (void)values; (void)count; (void)binning; (void)cells;
}

void aic_cells_avx512(const double *values, int64_t count, const aic_binning *binning, int32_t *cells) {
    (void)values; (void)count; (void)binning; (void)cells;
}

#endif
