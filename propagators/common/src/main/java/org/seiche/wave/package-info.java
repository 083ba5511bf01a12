/**
 * Numerics shared by the propagators: the stable inner time step, band-limited
 * (FFT) resampling between the survey's and the inner sampling, C-PML damping profiles,
 * finite-difference coefficients, padding a model into the PML, source wavelets, a grid's
 * lines split into bands (LineBands) and the team of threads that steps them together,
 * the processor's flush-to-zero mode for the threads that step, the two parameter sets of
 * a model and the checks on its values (ParameterSets), a survey at the inner step
 * (SurveySteps), a batch's traces between the survey's samples and the inner steps
 * (Traces) and their numbering and source scales (TraceLayout, TraceScales), and what
 * every kernel must agree on: whether the Vector API is there, its species and the
 * subnormal threshold (DoubleLanes, FloatLanes).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.seiche.wave;
