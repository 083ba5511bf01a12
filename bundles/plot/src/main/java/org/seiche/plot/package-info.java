/** PNG pictures of 2-D arrays (models, gradients, shot gathers) and of loss curves. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.plot;
