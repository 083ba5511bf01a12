/**
 * How a gradient run keeps the forward wavefield for its adjoint, for any propagator and
 * dimension: the plan within a memory budget (StoragePlanner), stores of per-step flat
 * arrays in memory or streamed to disk, plain or compressed (bf16, int8 per block), and
 * Griewank's revolve schedule for checkpointing (Revolve).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.seiche.wave.storage;
