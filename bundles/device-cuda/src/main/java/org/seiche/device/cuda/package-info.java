/**
 * The CUDA device: NVIDIA GPUs through JCuda's driver API, and the scalar propagator's
 * kernels for them (PTX compiled from src/main/cuda at build time). Nothing is exported:
 * everything is reached through the api's Device and the scalar propagator's kernel SPI.
 */
package org.seiche.device.cuda;
