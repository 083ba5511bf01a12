/**
 * The CUDA device: NVIDIA GPUs through JCuda's driver API. Private: the device is reached
 * through the api's Device, its GPU context through the exported SPI
 * (org.seiche.device.cuda.spi); the propagators' CUDA kernels live in their own bundles.
 */
package org.seiche.device.cuda;
