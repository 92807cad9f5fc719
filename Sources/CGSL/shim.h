#ifndef AICARBON_CGSL_SHIM_H
#define AICARBON_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

/* Swift 6 treats C globals as shared mutable state; these accessors return the
   generator-type pointers (which GSL never mutates) through functions instead. */
static inline const gsl_rng_type *aic_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *aic_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *aic_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_qrng_type *aic_qrng_sobol(void) { return gsl_qrng_sobol; }
static inline const char *aic_gsl_version(void) { return gsl_version; }

/* Fills out[0..n) with uniforms in (0, 1) from r, calling the generator's get_double directly
   (the same values gsl_rng_uniform_pos returns, without a library call per value). */
static inline void aic_rng_fill_uniform_pos(const gsl_rng *r, double *out, size_t n) {
    double (*get)(void *) = r->type->get_double;
    void *state = r->state;
    for (size_t i = 0; i < n; i++) {
        double x;
        do { x = get(state); } while (x == 0);
        out[i] = x;
    }
}

/* GSL's default error handler aborts the process. Turning it off makes every
   GSL function report failure through its return value instead. */
static inline void aic_gsl_disable_abort(void) { (void)gsl_set_error_handler_off(); }

#endif
