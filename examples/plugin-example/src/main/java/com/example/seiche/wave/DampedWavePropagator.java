package com.example.seiche.wave;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;

import com.example.seiche.wave.spi.DampedWaveKernel;
import com.example.seiche.wave.spi.WaveStep;

/**
 * A damped scalar wave on a 2-D grid, u_tt + gamma u_t = c^2 (u_xx + u_zz) + f: second-order
 * time and space differences, the field zero outside the grid (reflecting edges, no PML, so
 * the pml settings are not read), one time step per survey sample. The model parameter is the
 * velocity c; the option {@value #DAMPING} is gamma in 1/s (default 0). Computes in float64
 * whatever the run's precision.
 */
@Component(service = Propagator.class, property = Propagator.PROPERTY + "=" + DampedWavePropagator.NAME)
public final class DampedWavePropagator implements Propagator {
    public static final String NAME = "damped-wave";
    public static final String VELOCITY = "c";
    public static final String DAMPING = "damping";

    private final List<DampedWaveKernel> kernels = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addKernel(DampedWaveKernel kernel) {
        kernels.add(kernel);
    }

    void removeKernel(DampedWaveKernel kernel) {
        kernels.remove(kernel);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(VELOCITY);
    }

    @Override
    public Set<String> options() {
        return Set.of(DAMPING);
    }

    @Override
    public Set<String> kernelDevices() {
        return kernels.stream().map(DampedWaveKernel::deviceName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public double maxVelocity(Model model) {
        double max = 0;
        for (double c : model.parameter(VELOCITY).data()) {
            max = Math.max(max, c);
        }
        return max;
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        String device = setup.device().name();
        DampedWaveKernel kernel = kernels.stream().filter(k -> k.deviceName().equals(device)).findFirst()
                .orElseThrow(() -> new SeicheException("propagator " + NAME + ": no kernel for device '" + device
                        + "' (have " + kernelDevices() + ")"));
        Model model = setup.model();
        NdArray c = model.parameter(VELOCITY);
        if (c.ndim() != 2) {
            throw new SeicheException("model.parameters." + VELOCITY + ": " + NAME + " needs a 2-D model, got shape "
                    + c.shapeString());
        }
        double[] m = new double[c.size()];
        for (int k = 0; k < m.length; k++) {
            double v = c.data()[k];
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new SeicheException("model.parameters." + VELOCITY + ": must be positive, got " + v + " at cell "
                        + k / c.dim(1) + ", " + k % c.dim(1));
            }
            m[k] = v * v;
        }
        Survey survey = setup.survey();
        if (survey.sources().size() != 1 || survey.receivers().size() != 1) {
            throw new SeicheException("survey: " + NAME + " takes one source group and one receiver group, got "
                    + survey.sources().size() + " and " + survey.receivers().size());
        }
        inside("survey.sources.locations", survey.sources().get(0).locations(), c);
        inside("survey.receivers.locations", survey.receivers().get(0).locations(), c);
        double[] h = model.spacing();
        double inv0 = 1 / (h[0] * h[0]);
        double inv1 = 1 / (h[1] * h[1]);
        double dt = survey.dt();
        double stable = 1 / (maxVelocity(model) * Math.sqrt(inv0 + inv1));
        if (dt > stable) {
            throw new SeicheException("survey.dt: " + dt + " s is unstable for " + NAME + " with c up to "
                    + maxVelocity(model) + " (need dt <= " + stable + ")");
        }
        double gammaDt = damping(setup) * dt;
        WaveStep step = new WaveStep(c.dim(0), c.dim(1), inv0, inv1, 2 - gammaDt, 1 - gammaDt, dt * dt);
        return new DampedWaveSimulation(step, c, m, survey, kernel, setup.device());
    }

    /** The option {@value #DAMPING}: a number >= 0 and below 1/dt (so that the older field keeps a positive weight). */
    private static double damping(SimulationSetup setup) {
        Object value = setup.settings().options().getOrDefault(DAMPING, 0.0);
        double gamma = value instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(gamma >= 0) || gamma * setup.survey().dt() >= 1) {
            throw new SeicheException("propagator." + DAMPING + ": must be a number >= 0 and below 1/dt, got " + value);
        }
        return gamma;
    }

    private static void inside(String field, Locations at, NdArray grid) {
        if (at.ndim() != 2) {
            throw new SeicheException(field + ": " + at.ndim() + " coordinates, " + NAME + " needs 2");
        }
        for (int s = 0; s < at.shots(); s++) {
            for (int i = 0; i < at.perShot(); i++) {
                int c0 = at.coordinate(s, i, 0);
                int c1 = at.coordinate(s, i, 1);
                if (!at.unused(s, i) && (c0 < 0 || c0 >= grid.dim(0) || c1 < 0 || c1 >= grid.dim(1))) {
                    throw new SeicheException(field + ": shot " + s + " location " + i + " at [" + c0 + ", " + c1
                            + "] lies outside the " + grid.shapeString() + " model");
                }
            }
        }
    }
}
