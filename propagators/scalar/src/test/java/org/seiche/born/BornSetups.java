package org.seiche.born;

import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.scalar.internal.ScalarPropagator;

/** The Born tests' propagators (their device and helpers: {@link org.seiche.scalar.Setups}). */
final class BornSetups {
    static final CpuScalarKernel KERNEL = new CpuScalarKernel();
    static final BornPropagator BORN = new BornPropagator(KERNEL);
    static final ScalarPropagator SCALAR = new ScalarPropagator(KERNEL);

    private BornSetups() {
    }
}
