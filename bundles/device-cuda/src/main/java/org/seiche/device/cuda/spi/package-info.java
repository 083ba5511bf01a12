/**
 * The CUDA device's SPI for propagators' GPU kernels: the GPU's context ({@link
 * org.seiche.device.cuda.spi.CudaGpu}, a service), PTX modules loaded from the kernel
 * bundle's own resources, device arrays, the stored-step store, launches with their
 * arguments checked against the PTX signatures, and shots in rounds as memory allows.
 * Device pointers are JCuda's (jcuda.driver.CUdeviceptr, exported by this bundle).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seiche.device.cuda.spi;
