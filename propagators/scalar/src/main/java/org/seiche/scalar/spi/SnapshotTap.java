package org.seiche.scalar.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a kernel's time loops offer the wavefields of a batch's shots for snapshots: after a
 * step, the padded field of a batch shot; the propagator keeps the ones its request asks for.
 * The loops hold a tap only when snapshots were asked for, so that a run without costs one
 * null check per step.
 */
@ProviderType
public interface SnapshotTap {
    /** The scalar propagator's only field: u, the pressure-like wavefield. */
    String WAVEFIELD = "wavefield";
    /** A Born run's scattered (first-order) field u1; its background is {@link #WAVEFIELD}. */
    String SCATTERED = "scattered";

    /**
     * Whether a field taken after inner step {@code step} of batch shot s is wanted: a kernel
     * whose fields are not in host memory copies one out only then.
     */
    boolean wants(int s, int step, String field, boolean adjoint);

    /** Offers the padded field of batch shot s after inner step {@code step} (the adjoint's when adjoint). */
    void offer(int s, int step, String field, boolean adjoint, double[] padded);

    /** As {@link #offer(int, int, String, boolean, double[])} for a float32 field. */
    void offer(int s, int step, String field, boolean adjoint, float[] padded);
}
