/**
 * PNG pictures of models, gradients and shot gathers with axes in the survey's units and a
 * colour bar naming the quantity and the clip, 3-D arrays as three slices, loss curves, and
 * wavefield frames and their animated GIFs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.seiche.plot;
