package org.seiche.born;

import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.seiche.scalar.internal.BornPropagator;
import org.seiche.scalar.internal.ScalarPropagator;
import org.seiche.testing.TestDevice;

/** The Born tests' device, propagators and small helpers. */
final class BornSetups {
    static final Device DEVICE = new TestDevice(2);
    static final CpuScalarKernel KERNEL = new CpuScalarKernel();
    static final BornPropagator BORN = new BornPropagator(KERNEL);
    static final ScalarPropagator SCALAR = new ScalarPropagator(KERNEL);

    private BornSetups() {
    }

    static SimulationSetup setup(Map<String, NdArray> parameters, double[] spacing, PropagatorSettings settings, double dt,
                                 NdArray amplitudes, Locations sources, Locations receivers, Precision precision) {
        Survey survey = new Survey(dt, amplitudes.dim(2), List.of(new SourceGroup("", sources, amplitudes)),
                List.of(new ReceiverGroup("", receivers)));
        return new SimulationSetup(new Model(spacing, parameters), survey, settings, DEVICE, precision);
    }

    static NdArray random(Random random, double scale, int... shape) {
        NdArray a = NdArray.zeros(shape);
        for (int i = 0; i < a.size(); i++) {
            a.data()[i] = scale * random.nextGaussian();
        }
        return a;
    }

    static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s;
    }

    static double relativeL2(NdArray actual, NdArray expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.size(); i++) {
            double d = actual.data()[i] - expected.data()[i];
            num += d * d;
            den += expected.data()[i] * expected.data()[i];
        }
        return Math.sqrt(num / den);
    }

    static double mse(NdArray data, NdArray observed) {
        double s = 0;
        for (int i = 0; i < data.size(); i++) {
            double d = data.data()[i] - observed.data()[i];
            s += d * d;
        }
        return s / data.size();
    }

    static NdArray mseAdjoint(NdArray data, NdArray observed) {
        NdArray g = NdArray.zeros(data.shape());
        for (int i = 0; i < data.size(); i++) {
            g.data()[i] = 2 * (data.data()[i] - observed.data()[i]) / data.size();
        }
        return g;
    }
}
