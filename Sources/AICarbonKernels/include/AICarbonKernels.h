#ifndef AICARBON_KERNELS_H
#define AICARBON_KERNELS_H

/* Column kernels of AICarbon written with x86-64 vector intrinsics, for the instruction sets Swift's own
   SIMD types cannot target without compiling the whole package for them. Each is chosen at run time
   (aic_cpu_vector_level) and computes, operation for operation, what the portable Swift code computes, so
   results are the same bits on every machine (no fused multiply-add, no reassociation). */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The widest vector instruction set the processor and the operating system support, of those the kernels
   use: 2 for AVX-512F (and AVX2), 1 for AVX2, 0 for neither and on every other architecture (CPUID leaves 1
   and 7, and the register state the system enables in XCR0). */
int aic_cpu_vector_level(void);

/* The layout of a quantile table (AICarbon's QuantileTable): each of `binades` binades of m = min(p, 1 - p),
   from the one of biased exponent `lowest_exponent`, cut into 2^bits pieces; the lower side's pieces first,
   then the upper side's; 9 coefficients a piece (a degree-8 polynomial in t, constant first). */
typedef struct {
    const double *coefficients;
    int64_t bits;
    int64_t binades;
    int64_t lowest_exponent;
    double lowest_mass;
} aic_quantile_table;

/* Replaces each of the first `count` values of `column` (count a multiple of 4), a probability, by the
   table's value there, four at a time with AVX2: exactly QuantileTable.evaluate4 of AICarbon, operation
   for operation. Returns 1 when every value was inside the table and its result not NaN, 0 when some
   value must be solved exactly by the caller. Call it only where aic_cpu_vector_level() returned at least 1:
   on other architectures it returns 0 without writing, and an x86-64 without AVX2 stops on an illegal
   instruction. */
int aic_quantile_table_evaluate_avx2(double *column, int64_t count, const aic_quantile_table *table);

/* The same, eight values at a time with AVX-512F; call it only where aic_cpu_vector_level() returned 2. */
int aic_quantile_table_evaluate_avx512(double *column, int64_t count, const aic_quantile_table *table);

/* A binning of AICarbon's CountingBins: cell(v) = round((v − lower) · scale + 1/2) clamped to [0, top]. */
typedef struct {
    double lower;
    double scale;
    double top;
} aic_binning;

/* Writes the cell of each of the first `count` values (a multiple of 4) to `cells`, four at a time with
   AVX2: exactly CountingBins.cells of AICarbon. Call it only where aic_cpu_vector_level() returned at least
   1 (it does nothing on other architectures). */
void aic_cells_avx2(const double *values, int64_t count, const aic_binning *binning, int32_t *cells);

/* The same, eight at a time with AVX-512F; call it only where aic_cpu_vector_level() returned 2. */
void aic_cells_avx512(const double *values, int64_t count, const aic_binning *binning, int32_t *cells);

/* Steps eight taus2 generators `segment` times together, writing lane j's uniforms x · 2⁻³² (x its 32-bit
   outputs, zero included) to buffer[j · segment ..< (j + 1) · segment]: exactly Taus2.Lanes.fill of
   AICarbon. `state` holds the eight first components, then the eight second, then the eight third, and is
   left at the last step. Returns 1 when any output was zero (the caller then redoes the fill as
   gsl_rng_uniform_pos, which skips zeros), else 0. AVX2; call it only where aic_cpu_vector_level() returned
   at least 1 (it does nothing on other architectures). */
int aic_taus2_fill_avx2(uint32_t *state, double *buffer, int64_t segment);

/* The same, converting to doubles with AVX-512F; call it only where aic_cpu_vector_level() returned 2. */
int aic_taus2_fill_avx512(uint32_t *state, double *buffer, int64_t segment);

#ifdef __cplusplus
}
#endif

#endif
