/**
 * What the bundles' tests share, so that each test folder does not write its own: a CPU
 * test device and the contract every loss passes. Used at test scope only; installed into
 * a framework only by the in-framework tests.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.testing;
