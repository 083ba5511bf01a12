package org.seiche.scalar;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.seiche.api.Device;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;
import org.seiche.scalar.cpu.CpuScalarKernel;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.TestDevice;

/** Building blocks of the tests' simulations (the Born tests' too). */
public final class Setups {
    public static final Device DEVICE = new TestDevice(2);
    static final ScalarPropagator PROPAGATOR = new ScalarPropagator(new CpuScalarKernel());

    private Setups() {
    }

    static SimulationSetup setup(NdArray v, double[] spacing, PropagatorSettings settings, double dt, NdArray amplitudes,
                                 Locations sources, Locations receivers, Precision precision) {
        return setup(Map.of(ScalarPropagator.VELOCITY, v), spacing, settings, dt, amplitudes, sources, receivers, precision);
    }

    /** One source group and one receiver group on a model of these parameters. */
    public static SimulationSetup setup(Map<String, NdArray> parameters, double[] spacing, PropagatorSettings settings,
                                        double dt, NdArray amplitudes, Locations sources, Locations receivers,
                                        Precision precision) {
        Survey survey = new Survey(dt, amplitudes.dim(2), List.of(new SourceGroup("", sources, amplitudes)),
                List.of(new ReceiverGroup("", receivers)));
        return new SimulationSetup(new Model(spacing, parameters), survey, settings, DEVICE, precision);
    }

    static PropagatorSettings settings(int accuracy, int[] pmlWidth, double pmlFreq, double maxVel) {
        return new PropagatorSettings(accuracy, pmlWidth, pmlFreq, maxVel, 1, Map.of());
    }

    static Locations locations(int shots, int perShot, int... cells) {
        return new Locations(shots, perShot, cells.length / (shots * perShot), cells);
    }

    public static NdArray random(Random random, double scale, int... shape) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = scale * random.nextGaussian();
        }
        return a;
    }

    /** a + eps * direction. */
    static NdArray shifted(NdArray a, NdArray direction, double eps) {
        NdArray out = a.copy();
        for (int i = 0; i < out.size(); i++) {
            out.data()[i] += eps * direction.data()[i];
        }
        return out;
    }

    public static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }

    public static double relativeL2(NdArray actual, NdArray expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = actual.data()[i] - expected.data()[i];
            num += d * d;
            den += expected.data()[i] * expected.data()[i];
        }
        return Math.sqrt(num / den);
    }

    /** Mean over every sample of (d - o)^2. */
    public static double mse(NdArray data, NdArray observed) {
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double d = data.data()[i] - observed.data()[i];
            s += d * d;
        }
        return s / data.size();
    }

    /** d mse / d data = 2 (d - o) / count. */
    public static NdArray mseAdjoint(NdArray data, NdArray observed) {
        NdArray g = NdArray.zeros(data.shape());
        for (int i = 0; i < data.size(); i++) {
            g.data()[i] = 2 * (data.data()[i] - observed.data()[i]) / data.size();
        }
        return g;
    }

    /** The mse's curvature on the tangent data (the Gauss-Newton term of a Hessian product). */
    static UnaryOperator<List<NdArray>> mseCurvature() {
        return tangent -> {
            NdArray d = tangent.get(0);
            NdArray out = NdArray.zeros(d.shape());
            for (int i = 0; i < d.size(); i++) {
                out.data()[i] = 2 * d.data()[i] / d.size();
            }
            return List.of(out);
        };
    }
}
