/**
 * Numerics shared by the propagators: the stable inner time step, band-limited
 * (FFT) resampling between the survey's and the inner sampling, C-PML damping profiles,
 * finite-difference coefficients, padding a model into the PML, and source wavelets.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.wave;
