/**
 * The scalar family's kernel SPI: what a kernel bundle implements to run the steps of the
 * scalar propagator (docs/scalar.md) and of its Born runs (docs/born.md) on its hardware. The
 * propagators own the physics around the kernel (padded grid and C-PML profiles, stability
 * sub-stepping and resampling, source injection, gradient assembly) and hand the kernel a
 * {@link org.seiche.scalar.spi.ScalarGrid}; the {@link org.seiche.scalar.spi.ScalarKernel}
 * service registered with {@code device.name} = the pipeline's device (and
 * {@code kernel.propagator=scalar}, {@code =born}, for `fwi plugins`) runs it; a device with
 * none is refused, naming the propagator and the device. Interfaces and records only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.scalar.spi;
