/**
 * The acoustic propagator's kernel SPI: what a kernel bundle implements to run the
 * velocity-pressure steps of the bundle's README on its hardware, in 1, 2 or 3 dimensions.
 * The propagator owns the physics around the kernel (parameter conversion, averaging of
 * the density onto the velocity points, PML profiles, sub-stepping, resampling, scaling of
 * sources, gradient assembly) and hands the kernel an {@link org.seiche.acoustic.spi.AcousticGrid};
 * the kernel service registered with {@code device.name} = the pipeline's device (and
 * {@code kernel.propagator=acoustic}, for `fwi plugins`) runs it; a device with none is
 * refused, naming the propagator and the device. Interfaces and records only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seiche.acoustic.spi;
