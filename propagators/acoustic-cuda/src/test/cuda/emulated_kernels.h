// The acoustic kernels for the emulated CUDA driver (bundles/device-cuda/src/test/cuda/emulated_driver.cpp),
// by their C names as in ACOUSTIC_KERNELS (acoustic.cu).
#include "acoustic.cu"

#define ACOUSTIC_STEPS(D, P, A) KERNEL(acoustic##D##_velocity_##P##A), KERNEL(acoustic##D##_pressure_##P##A), \
    KERNEL(acoustic##D##_adjoint_terms_##P##A), KERNEL(acoustic##D##_adjoint_velocity_##P##A), \
    KERNEL(acoustic##D##_adjoint_pressure_##P##A)
#define ACOUSTIC_DIMENSION(D, P) ACOUSTIC_STEPS(D, P, 2), ACOUSTIC_STEPS(D, P, 4), ACOUSTIC_STEPS(D, P, 6), \
    ACOUSTIC_STEPS(D, P, 8)
#define ACOUSTIC(P) ACOUSTIC_DIMENSION(1, P), ACOUSTIC_DIMENSION(2, P), ACOUSTIC_DIMENSION(3, P), \
    KERNEL(acoustic_record_##P), KERNEL(acoustic_inject_##P)
#define EMULATED_KERNELS ACOUSTIC(f), ACOUSTIC(d)
