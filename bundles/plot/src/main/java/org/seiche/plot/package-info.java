/**
 * PNG pictures of 2-D arrays (models, gradients, shot gathers, wavefield frames) and of loss
 * curves; animated GIFs of wavefield frames.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.seiche.plot;
