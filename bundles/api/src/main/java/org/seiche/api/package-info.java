/**
 * Seiche's service interfaces and value types: everything a propagator, device, loss,
 * mapping, optimiser or shot executor bundle implements, and what a program that drives
 * them uses. Implementations live in their own bundles and are found at runtime by name.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.seiche.api;
