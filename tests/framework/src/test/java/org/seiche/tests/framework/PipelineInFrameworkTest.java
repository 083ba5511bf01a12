package org.seiche.tests.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.seiche.api.Device;
import org.seiche.api.InversionSpec;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.Named;
import org.seiche.api.NdArray;
import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.Precision;
import org.seiche.api.Propagator;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * The pipeline service runs a small forward model with the scalar propagator on the cpu
 * device, and an inversion through the inversion loop's bundle, all wired by DS.
 */
@ExtendWith(ServiceExtension.class)
class PipelineInFrameworkTest {
    private static final int N = 21;
    private static final int NT = 100;
    private static final double DT = 0.001;

    @InjectService(timeout = 10_000)
    Pipeline pipeline;

    @InjectService(filter = "(" + Propagator.PROPERTY + "=scalar)", timeout = 10_000)
    Propagator scalar;

    @InjectService(filter = "(" + Device.PROPERTY + "=cpu)", timeout = 10_000)
    Device cpu;

    @Test
    void scalarForwardRunRecordsTheSameTraceAtMirroredReceivers() {
        Model model = new Model(new double[] {5, 5}, Map.of("v", NdArray.filled(1500, N, N)));
        // one source in the middle, receivers 6 cells either side of it: a uniform model records the same trace at both
        Survey survey = new Survey(DT, NT,
                List.of(new SourceGroup("", new Locations(1, 1, 2, new int[] {10, 10}), ricker(25, 0.04))),
                List.of(new ReceiverGroup("", new Locations(1, 2, 2, new int[] {10, 4, 10, 16}))));
        PipelineSpec spec = PipelineSpec.builder().task("forward").precision(Precision.FLOAT64).model(model)
                .propagator(scalar).device(cpu).survey(survey).quiet(true).build();

        Pipeline.Result result = pipeline.run(spec);

        NdArray data = result.arrays().get("receiver_data");
        assertArrayEquals(new int[] {1, 2, NT}, data.shape(), "receiver_data shape");
        double[] d = data.data();
        double peak = 0;
        for (double v : d) {
            assertTrue(Double.isFinite(v), "finite receiver data");
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak > 0, "the wave reaches the receivers");
        for (int t = 0; t < NT; t++) {
            assertEquals(d[t], d[NT + t], 1e-9 * peak, "mirrored receivers at sample " + t);
        }
        // 30 m at 1500 m/s: nothing arrives in the first 5 ms (the wavelet is ~0 there too)
        for (int t = 0; t < 5; t++) {
            assertTrue(Math.abs(d[t]) < 1e-3 * peak, "no arrival before the wave can travel, sample " + t);
        }
    }

    /** task invert reaches the inversion loop of its own bundle and lbfgs by name: the loss falls. */
    @Test
    void anInversionRunsThroughTheInversionLoopsBundle() {
        Survey survey = new Survey(DT, NT,
                List.of(new SourceGroup("", new Locations(1, 1, 2, new int[] {10, 10}), ricker(25, 0.04))),
                List.of(new ReceiverGroup("", new Locations(1, 2, 2, new int[] {10, 4, 10, 16}))));
        PipelineSpec.Builder b = PipelineSpec.builder().precision(Precision.FLOAT64).propagator(scalar).device(cpu)
                .survey(survey).quiet(true);
        NdArray observed = pipeline.run(b.task("forward").model(uniform(1600)).build()).arrays().get("receiver_data");
        b.model(uniform(1500)).observed(observed).loss("mse");
        double start = (double) pipeline.run(b.task("gradient").gradientWrt("v").build()).summary().get("loss");
        Pipeline.Result r = pipeline.run(b.task("invert")
                .inversion(new InversionSpec(List.of("v"), 2, 0, "accumulate", List.of(), Named.of("lbfgs"), Map.of(), 1))
                .build());
        assertEquals(2, r.summary().get("iterations_done"), r.summary().toString());
        assertTrue((double) r.summary().get("loss") < 0.5 * start, "loss " + r.summary().get("loss") + " from " + start);
        assertArrayEquals(new int[] {N, N}, r.arrays().get("model_v").shape());
    }

    private static Model uniform(double v) {
        return new Model(new double[] {5, 5}, Map.of("v", NdArray.filled(v, N, N)));
    }

    private static NdArray ricker(double freq, double peakTime) {
        double[] w = new double[NT];
        for (int t = 0; t < NT; t++) {
            double a = Math.PI * freq * (t * DT - peakTime);
            w[t] = (1 - 2 * a * a) * Math.exp(-a * a);
        }
        return new NdArray(new int[] {1, 1, NT}, w);
    }
}
