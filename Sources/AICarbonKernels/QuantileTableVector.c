/* QuantileTable.evaluate4 of AICarbon (Sources/AICarbon/Uncertainty/Distributions/QuantileTable.swift) in
   AVX2 and in AVX-512F. AVX2: four lanes in one 256-bit register instead of two SSE2 halves, and the coefficients of four pieces
   read as rows and transposed in registers instead of gathered one double at a time. Every arithmetic
   operation is the Swift code's, in its order, with no contraction into fused multiply-adds: the results are
   the same bits. */

#include "ExactArithmetic.h"

#if defined(__x86_64__)

__attribute__((target("avx2")))
static int evaluate(double *column, int64_t count, const aic_quantile_table *table) {
    const int64_t bits = table->bits;
    const double *c = table->coefficients;
    const __m256d one = _mm256_set1_pd(1.0), half = _mm256_set1_pd(0.5), lowest = _mm256_set1_pd(table->lowest_mass);
    const __m256d two = _mm256_set1_pd(2.0), three = _mm256_set1_pd(3.0);
    const __m256i base = _mm256_set1_epi64x(table->lowest_exponent << bits);
    const __m256i upperSide = _mm256_set1_epi64x(table->binades << bits);
    const __m256i exponentOfOne = _mm256_set1_epi64x(0x3FF0000000000000LL);
    const __m256i significand = _mm256_set1_epi64x(0x000FFFFFFFFFFFFFLL);
    const __m128i down = _mm_cvtsi64_si128(52 - bits), up = _mm_cvtsi64_si128(bits);
    __m256d good = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
    int64_t offsets[4] __attribute__((aligned(32)));
    for (int64_t i = 0; i + 4 <= count; i += 4) {
        const __m256d p = _mm256_loadu_pd(column + i);
        /* m = min(p, 1 − p), the side from the sign bit of p − 1/2, the piece (0 outside the table). */
        const __m256d complement = _mm256_sub_pd(one, p);
        const __m256d m = _mm256_blendv_pd(p, complement, _mm256_cmp_pd(complement, p, _CMP_LT_OQ));
        const __m256d inside = _mm256_and_pd(_mm256_cmp_pd(m, lowest, _CMP_GE_OQ), _mm256_cmp_pd(m, half, _CMP_LT_OQ));
        const __m256i pattern = _mm256_castpd_si256(m);
        const __m256i below = _mm256_srli_epi64(_mm256_castpd_si256(_mm256_sub_pd(p, half)), 63);
        const __m256i side = _mm256_and_si256(_mm256_sub_epi64(below, _mm256_set1_epi64x(1)), upperSide);
        const __m256i index = _mm256_add_epi64(_mm256_sub_epi64(_mm256_srl_epi64(pattern, down), base), side);
        const __m256i piece = _mm256_and_si256(index, _mm256_castpd_si256(inside));
        /* 9 · piece, the first coefficient's offset. */
        _mm256_store_si256((__m256i *)offsets, _mm256_add_epi64(_mm256_slli_epi64(piece, 3), piece));
        const __m256i fraction = _mm256_or_si256(exponentOfOne, _mm256_and_si256(_mm256_sll_epi64(pattern, up), significand));
        const __m256d t = _mm256_sub_pd(_mm256_mul_pd(two, _mm256_castsi256_pd(fraction)), three);
        const double *d0 = c + offsets[0], *d1 = c + offsets[1], *d2 = c + offsets[2], *d3 = c + offsets[3];
        /* Rows of four coefficients, transposed: c[k] holds coefficient k of the four lanes' pieces. */
        __m256d k[9];
        for (int half4 = 0; half4 < 2; half4++) {
            const int o = 4 * half4;
            const __m256d r0 = _mm256_loadu_pd(d0 + o), r1 = _mm256_loadu_pd(d1 + o);
            const __m256d r2 = _mm256_loadu_pd(d2 + o), r3 = _mm256_loadu_pd(d3 + o);
            const __m256d u0 = _mm256_unpacklo_pd(r0, r1), u1 = _mm256_unpackhi_pd(r0, r1);
            const __m256d u2 = _mm256_unpacklo_pd(r2, r3), u3 = _mm256_unpackhi_pd(r2, r3);
            k[o + 0] = _mm256_permute2f128_pd(u0, u2, 0x20);
            k[o + 1] = _mm256_permute2f128_pd(u1, u3, 0x20);
            k[o + 2] = _mm256_permute2f128_pd(u0, u2, 0x31);
            k[o + 3] = _mm256_permute2f128_pd(u1, u3, 0x31);
        }
        k[8] = _mm256_set_pd(d3[8], d2[8], d1[8], d0[8]);
        /* Estrin's scheme, as in the Swift code. */
        const __m256d t2 = _mm256_mul_pd(t, t), t4 = _mm256_mul_pd(t2, t2);
        const __m256d a0 = _mm256_add_pd(k[0], _mm256_mul_pd(k[1], t));
        const __m256d a1 = _mm256_add_pd(k[2], _mm256_mul_pd(k[3], t));
        const __m256d a2 = _mm256_add_pd(k[4], _mm256_mul_pd(k[5], t));
        const __m256d a3 = _mm256_add_pd(k[6], _mm256_mul_pd(k[7], t));
        const __m256d high = _mm256_add_pd(_mm256_add_pd(a2, _mm256_mul_pd(a3, t2)), _mm256_mul_pd(k[8], t4));
        const __m256d y = _mm256_add_pd(_mm256_add_pd(a0, _mm256_mul_pd(a1, t2)), _mm256_mul_pd(high, t4));
        good = _mm256_and_pd(good, _mm256_and_pd(inside, _mm256_cmp_pd(y, y, _CMP_ORD_Q)));
        _mm256_storeu_pd(column + i, y);
    }
    return _mm256_movemask_pd(good) == 0xF;
}

/* The same in AVX-512F, eight lanes a register: rows of four coefficients of lanes (0, 2), (1, 3), (4, 6),
   (5, 7) are paired in 512-bit registers, interleaved within 128-bit blocks, and the blocks gathered so that
   lane j holds piece j's coefficient; the ninth coefficient is gathered. A last group of four values goes
   through the AVX2 kernel (the same operations). */
__attribute__((target("avx512f")))
static int evaluate8(double *column, int64_t count, const aic_quantile_table *table) {
    const int64_t bits = table->bits;
    const double *c = table->coefficients;
    const __m512d one = _mm512_set1_pd(1.0), half = _mm512_set1_pd(0.5), lowest = _mm512_set1_pd(table->lowest_mass);
    const __m512d two = _mm512_set1_pd(2.0), three = _mm512_set1_pd(3.0);
    const __m512i base = _mm512_set1_epi64(table->lowest_exponent << bits);
    const __m512i upperSide = _mm512_set1_epi64(table->binades << bits);
    const __m512i exponentOfOne = _mm512_set1_epi64(0x3FF0000000000000LL);
    const __m512i significand = _mm512_set1_epi64(0x000FFFFFFFFFFFFFLL);
    const __m512i eight = _mm512_set1_epi64(8), unit = _mm512_set1_epi64(1);
    const __m128i down = _mm_cvtsi64_si128(52 - bits), up = _mm_cvtsi64_si128(bits);
    __mmask8 good = 0xFF;
    int64_t offsets[8] __attribute__((aligned(64)));
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m512d p = _mm512_loadu_pd(column + i);
        const __m512d complement = _mm512_sub_pd(one, p);
        const __m512d m = _mm512_mask_blend_pd(_mm512_cmp_pd_mask(complement, p, _CMP_LT_OQ), p, complement);
        const __mmask8 inside = _mm512_cmp_pd_mask(m, lowest, _CMP_GE_OQ) & _mm512_cmp_pd_mask(m, half, _CMP_LT_OQ);
        const __m512i pattern = _mm512_castpd_si512(m);
        const __m512i below = _mm512_srli_epi64(_mm512_castpd_si512(_mm512_sub_pd(p, half)), 63);
        const __m512i side = _mm512_and_si512(_mm512_sub_epi64(below, unit), upperSide);
        const __m512i index = _mm512_add_epi64(_mm512_sub_epi64(_mm512_srl_epi64(pattern, down), base), side);
        const __m512i piece = _mm512_maskz_mov_epi64(inside, index);
        const __m512i offset = _mm512_add_epi64(_mm512_slli_epi64(piece, 3), piece);
        _mm512_store_si512((void *)offsets, offset);
        const __m512i fraction = _mm512_or_si512(exponentOfOne, _mm512_and_si512(_mm512_sll_epi64(pattern, up), significand));
        const __m512d t = _mm512_sub_pd(_mm512_mul_pd(two, _mm512_castsi512_pd(fraction)), three);
        __m512d k[9];
        for (int g = 0; g < 8; g += 4) {
#define AIC_PAIR(a, b) _mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_loadu_pd(c + offsets[a] + g)), \
                                          _mm256_loadu_pd(c + offsets[b] + g), 1)
            const __m512d z0 = AIC_PAIR(0, 2), z1 = AIC_PAIR(1, 3), z2 = AIC_PAIR(4, 6), z3 = AIC_PAIR(5, 7);
#undef AIC_PAIR
            const __m512d u0 = _mm512_unpacklo_pd(z0, z1), u1 = _mm512_unpackhi_pd(z0, z1);
            const __m512d u2 = _mm512_unpacklo_pd(z2, z3), u3 = _mm512_unpackhi_pd(z2, z3);
            k[g + 0] = _mm512_shuffle_f64x2(u0, u2, 0x88);
            k[g + 1] = _mm512_shuffle_f64x2(u1, u3, 0x88);
            k[g + 2] = _mm512_shuffle_f64x2(u0, u2, 0xDD);
            k[g + 3] = _mm512_shuffle_f64x2(u1, u3, 0xDD);
        }
        k[8] = _mm512_i64gather_pd(_mm512_add_epi64(offset, eight), c, 8);
        const __m512d t2 = _mm512_mul_pd(t, t), t4 = _mm512_mul_pd(t2, t2);
        const __m512d a0 = _mm512_add_pd(k[0], _mm512_mul_pd(k[1], t));
        const __m512d a1 = _mm512_add_pd(k[2], _mm512_mul_pd(k[3], t));
        const __m512d a2 = _mm512_add_pd(k[4], _mm512_mul_pd(k[5], t));
        const __m512d a3 = _mm512_add_pd(k[6], _mm512_mul_pd(k[7], t));
        const __m512d high = _mm512_add_pd(_mm512_add_pd(a2, _mm512_mul_pd(a3, t2)), _mm512_mul_pd(k[8], t4));
        const __m512d y = _mm512_add_pd(_mm512_add_pd(a0, _mm512_mul_pd(a1, t2)), _mm512_mul_pd(high, t4));
        good &= inside & _mm512_cmp_pd_mask(y, y, _CMP_ORD_Q);
        _mm512_storeu_pd(column + i, y);
    }
    const int rest = i < count ? evaluate(column + i, count - i, table) : 1;
    return good == 0xFF && rest;
}

int aic_quantile_table_evaluate_avx2(double *column, int64_t count, const aic_quantile_table *table) {
    return evaluate(column, count, table);
}

int aic_quantile_table_evaluate_avx512(double *column, int64_t count, const aic_quantile_table *table) {
    return evaluate8(column, count, table);
}

#else

int aic_quantile_table_evaluate_avx2(double *column, int64_t count, const aic_quantile_table *table) {
    (void)column; (void)count; (void)table;
    return 0;
}

int aic_quantile_table_evaluate_avx512(double *column, int64_t count, const aic_quantile_table *table) {
    (void)column; (void)count; (void)table;
    return 0;
}

#endif
