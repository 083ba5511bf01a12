/**
 * The elastic propagator's kernel SPI: what a device bundle implements to run the 2-D
 * velocity-stress steps of docs/elastic.md on its hardware. The propagator owns the physics
 * around the kernel (model averaging, PML profiles, sub-stepping, resampling, scaling of
 * sources, gradient assembly) and hands the kernel an {@link org.seiche.elastic.ElasticGrid};
 * a kernel service registered with {@code device.name} = the pipeline's device is picked
 * over the built-in CPU kernel.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.seiche.elastic;
