/**
 * What the bundles' tests share, so that each test folder does not write its own: a CPU
 * test device. Used at test scope only; never installed into a running framework.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.testing;
