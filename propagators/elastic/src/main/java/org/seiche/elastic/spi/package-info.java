/**
 * The elastic propagator's kernel SPI: what a kernel bundle implements to run the 2-D
 * velocity-stress steps of docs/elastic.md on its hardware. The propagator owns the physics
 * around the kernel (model averaging, PML profiles, sub-stepping, resampling, scaling of
 * sources, gradient assembly) and hands the kernel an {@link org.seiche.elastic.spi.ElasticGrid};
 * the kernel service registered with {@code device.name} = the pipeline's device runs it (and
 * {@code kernel.propagator=elastic}, for `fwi plugins`); a device with none is refused.
 * Version 2: the package moved from {@code org.seiche.elastic} to {@code org.seiche.elastic.spi}
 * (the one SPI shape of every propagator), a break for importers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.seiche.elastic.spi;
