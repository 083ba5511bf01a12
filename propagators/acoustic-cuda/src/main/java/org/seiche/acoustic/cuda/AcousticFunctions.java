package org.seiche.acoustic.cuda;

import java.util.List;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.Kernel;

/**
 * The kernels of acoustic.cu for one dimension, precision and accuracy (their C names:
 * acoustic2_velocity_f4 is the 2-D float velocity sweep of accuracy 4).
 */
final class AcousticFunctions {
    /** The PTX of acoustic.cu, compiled by nvcc at build time when it was there (next to this class). */
    static final String PTX = "ptx/acoustic.ptx";
    final Kernel velocity;
    final Kernel pressure;
    final Kernel adjointTerms;
    final Kernel adjointVelocity;
    final Kernel adjointPressure;
    final Kernel record;
    final Kernel inject;

    AcousticFunctions(CudaContext context, Precision precision, int ndim, int accuracy) {
        List<Kernel> f = names(precision, ndim, accuracy).stream()
                .map(name -> context.kernel(AcousticFunctions.class, PTX, name)).toList();
        velocity = f.get(0);
        pressure = f.get(1);
        adjointTerms = f.get(2);
        adjointVelocity = f.get(3);
        adjointPressure = f.get(4);
        record = f.get(5);
        inject = f.get(6);
    }

    /** The C names of the fields above, in their order. */
    static List<String> names(Precision precision, int ndim, int accuracy) {
        String p = precision == Precision.FLOAT64 ? "d" : "f";
        String step = "_" + p + accuracy;
        String a = "acoustic" + ndim;
        return List.of(a + "_velocity" + step, a + "_pressure" + step, a + "_adjoint_terms" + step,
                a + "_adjoint_velocity" + step, a + "_adjoint_pressure" + step, "acoustic_record_" + p,
                "acoustic_inject_" + p);
    }
}
