/**
 * The scalar (constant-density acoustic) propagator: the physics around the kernels
 * (padded grid and C-PML profiles, stability sub-stepping and resampling, source
 * injection and receiver recording, gradient assembly) and the kernel SPI a device
 * implements ({@link org.seiche.scalar.ScalarKernel}). Born modelling and Hessian
 * products build on the same classes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.seiche.scalar;
