// The scalar and Born kernels for the emulated CUDA driver (bundles/device-cuda/src/test/cuda/emulated_driver.cpp),
// by their C names as in SEICHE_KERNELS (scalar.cu).
#include "scalar.cu"

#define SCALAR_STEPS(P, A) KERNEL(scalar_forward_##P##A), KERNEL(scalar_adjoint_##P##A), KERNEL(born_forward_##P##A), \
    KERNEL(born_adjoint_##P##A)
#define SCALAR(P) SCALAR_STEPS(P, 2), SCALAR_STEPS(P, 4), SCALAR_STEPS(P, 6), SCALAR_STEPS(P, 8), \
    KERNEL(scalar_image_##P), KERNEL(scalar_record_##P), KERNEL(scalar_inject_##P), \
    KERNEL(scalar_source_gradient_##P), KERNEL(born_source_ratio_##P)
#define EMULATED_KERNELS SCALAR(f), SCALAR(d)
