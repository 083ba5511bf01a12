/**
 * What the mapping and optimiser bundles (and the pipeline reader) share: reading their
 * pipeline configuration with one-line errors naming the field, small vector algebra, the
 * scaling of a first step, a gradient weighting link, Gaussian smoothing and the
 * plain-value optimiser state of a checkpoint.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.seiche.inversion.support;
