package org.seiche.elastic.cuda;

import java.util.List;

import org.seiche.api.Precision;
import org.seiche.device.cuda.spi.CudaContext;
import org.seiche.device.cuda.spi.Kernel;

/** The kernels of elastic.cu for one precision and accuracy (their C names end in f / d and the accuracy). */
final class ElasticFunctions {
    /** The PTX of elastic.cu, compiled by nvcc at build time when it was there (next to this class). */
    static final String PTX = "ptx/elastic.ptx";
    final Kernel velocity;
    final Kernel stress;
    final Kernel stressTerms;
    final Kernel velocityTerms;
    final Kernel adjointStresses;
    final Kernel record;
    final Kernel inject;

    ElasticFunctions(CudaContext context, Precision precision, int accuracy) {
        List<Kernel> f = names(precision, accuracy).stream()
                .map(name -> context.kernel(ElasticFunctions.class, PTX, name)).toList();
        velocity = f.get(0);
        stress = f.get(1);
        stressTerms = f.get(2);
        velocityTerms = f.get(3);
        adjointStresses = f.get(4);
        record = f.get(5);
        inject = f.get(6);
    }

    /** The C names of the fields above, in their order. */
    static List<String> names(Precision precision, int accuracy) {
        String p = (precision == Precision.FLOAT64 ? "d" : "f");
        String pa = p + accuracy;
        return List.of("elastic_velocity_" + pa, "elastic_stress_" + pa, "elastic_stress_terms_" + pa,
                "elastic_velocity_terms_" + pa, "elastic_adjoint_stresses_" + pa, "elastic_record_" + p,
                "elastic_inject_" + p);
    }
}
