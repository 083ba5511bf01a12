// The elastic kernels for the emulated CUDA driver (bundles/device-cuda/src/test/cuda/emulated_driver.cpp),
// by their C names as in ELASTIC_KERNELS (elastic.cu).
#include "elastic.cu"

#define ELASTIC_STEPS(P, A) KERNEL(elastic_velocity_##P##A), KERNEL(elastic_stress_##P##A), \
    KERNEL(elastic_stress_terms_##P##A), KERNEL(elastic_velocity_terms_##P##A), KERNEL(elastic_adjoint_stresses_##P##A)
#define ELASTIC(P) ELASTIC_STEPS(P, 2), ELASTIC_STEPS(P, 4), ELASTIC_STEPS(P, 6), ELASTIC_STEPS(P, 8), \
    KERNEL(elastic_record_##P), KERNEL(elastic_inject_##P)
#define EMULATED_KERNELS ELASTIC(f), ELASTIC(d)
