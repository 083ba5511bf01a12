package org.seiche.scalar.cuda;

import java.util.List;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.Kernel;

/** The kernels of scalar.cu for one precision and accuracy (their C names end in f / d and the accuracy). */
final class ScalarFunctions {
    /** The PTX of scalar.cu, compiled by nvcc at build time when it was there (next to this class). */
    static final String PTX = "ptx/scalar.ptx";
    final Kernel forward;
    final Kernel adjoint;
    final Kernel image;
    final Kernel record;
    final Kernel inject;
    final Kernel sourceGradient;
    final Kernel bornForward;
    final Kernel bornAdjoint;
    final Kernel sourceRatio;

    ScalarFunctions(CudaContext context, Precision precision, int accuracy) {
        List<Kernel> f = names(precision, accuracy).stream()
                .map(name -> context.kernel(ScalarFunctions.class, PTX, name)).toList();
        forward = f.get(0);
        adjoint = f.get(1);
        image = f.get(2);
        record = f.get(3);
        inject = f.get(4);
        sourceGradient = f.get(5);
        bornForward = f.get(6);
        bornAdjoint = f.get(7);
        sourceRatio = f.get(8);
    }

    /** The C names of the fields above, in their order. */
    static List<String> names(Precision precision, int accuracy) {
        String p = precision == Precision.FLOAT64 ? "d" : "f";
        return List.of("scalar_forward_" + p + accuracy, "scalar_adjoint_" + p + accuracy, "scalar_image_" + p,
                "scalar_record_" + p, "scalar_inject_" + p, "scalar_source_gradient_" + p, "born_forward_" + p + accuracy,
                "born_adjoint_" + p + accuracy, "born_source_ratio_" + p);
    }
}
