/**
 * The Born propagator: linearised scalar modelling in the direction of a velocity
 * perturbation (the scatter), built on the scalar propagator's physics and kernels.
 */
package org.seiche.born;
