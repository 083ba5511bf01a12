/**
 * The scalar family's propagators, private to the bundle: scalar (the constant-density
 * acoustic wave equation, with Hessian products) and Born (its linearisation in the
 * direction of a velocity perturbation), both on the kernels of {@link org.seiche.scalar.spi}.
 * Here live the physics around the kernels: the padded grid and C-PML profiles, stability
 * sub-stepping and resampling, source injection and receiver recording, the checks of a
 * setup, gradient assembly.
 */
package org.seiche.scalar.internal;
