package org.seiche.scalar.cuda;

import java.util.List;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.Kernel;

/**
 * The kernels of scalar.cu for one precision, accuracy and dimension (their C names end in
 * f / d and the accuracy; the steps and the imaging condition of 3-D grids are scalar3_..., born3_...).
 */
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

    ScalarFunctions(CudaContext context, Precision precision, int accuracy, int dims) {
        List<Kernel> f = names(precision, accuracy, dims).stream()
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
    static List<String> names(Precision precision, int accuracy, int dims) {
        String p = precision == Precision.FLOAT64 ? "d" : "f";
        String s = dims == 3 ? "3" : "";
        return List.of("scalar" + s + "_forward_" + p + accuracy, "scalar" + s + "_adjoint_" + p + accuracy,
                "scalar" + s + "_image_" + p, "scalar_record_" + p, "scalar_inject_" + p, "scalar_source_gradient_" + p,
                "born" + s + "_forward_" + p + accuracy, "born" + s + "_adjoint_" + p + accuracy, "born_source_ratio_" + p);
    }
}
