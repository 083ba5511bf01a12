package org.seiche.device.cuda;

import jcuda.driver.CUfunction;

import org.seiche.api.Precision;

/** The kernels of scalar.cu for one precision and accuracy (their C names end in f / d and the accuracy). */
final class ScalarFunctions {
    final CUfunction forward;
    final CUfunction adjoint;
    final CUfunction image;
    final CUfunction record;
    final CUfunction inject;
    final CUfunction sourceGradient;

    ScalarFunctions(CudaContext context, Precision precision, int accuracy) {
        String p = precision == Precision.FLOAT64 ? "d" : "f";
        forward = context.function(CudaProbe.SCALAR_PTX, "scalar_forward_" + p + accuracy);
        adjoint = context.function(CudaProbe.SCALAR_PTX, "scalar_adjoint_" + p + accuracy);
        image = context.function(CudaProbe.SCALAR_PTX, "scalar_image_" + p);
        record = context.function(CudaProbe.SCALAR_PTX, "scalar_record_" + p);
        inject = context.function(CudaProbe.SCALAR_PTX, "scalar_inject_" + p);
        sourceGradient = context.function(CudaProbe.SCALAR_PTX, "scalar_source_gradient_" + p);
    }
}
