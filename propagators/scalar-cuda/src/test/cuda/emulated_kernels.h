// The scalar and Born kernels for the emulated CUDA driver (bundles/device-cuda/src/test/cuda/emulated_driver.cpp),
// by their C names as in SEICHE_KERNELS (scalar.cu): 2-D (and 1-D) and 3-D.
#include "scalar.cu"

#define SCALAR_STEPS(S, P, A) KERNEL(scalar##S##_forward_##P##A), KERNEL(scalar##S##_adjoint_##P##A), \
    KERNEL(born##S##_forward_##P##A), KERNEL(born##S##_adjoint_##P##A)
#define SCALAR_DIMENSION(S, P) SCALAR_STEPS(S, P, 2), SCALAR_STEPS(S, P, 4), SCALAR_STEPS(S, P, 6), \
    SCALAR_STEPS(S, P, 8), KERNEL(scalar##S##_image_##P)
#define SCALAR(P) SCALAR_DIMENSION(, P), SCALAR_DIMENSION(3, P), KERNEL(scalar_record_##P), \
    KERNEL(scalar_inject_##P), KERNEL(scalar_source_gradient_##P), KERNEL(born_source_ratio_##P)
#define EMULATED_KERNELS SCALAR(f), SCALAR(d)
