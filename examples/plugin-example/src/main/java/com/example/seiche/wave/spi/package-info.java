/**
 * The damped wave's kernel SPI: what a device's kernel bundle implements (the CPU one lives
 * in this bundle; a GPU one would be a bundle of its own importing this package).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.example.seiche.wave.spi;
