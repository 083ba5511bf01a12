package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.PipelineSpec;
import org.seiche.api.PropagatorSettings;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Storage;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/**
 * Compiles a run's kernels before its time loop. A fresh JVM interprets the kernels, then
 * runs them C1-compiled, before C2 compiles them; the Vector API boxes every vector until
 * then, so on a large grid the first seconds of a run go at a fraction of its speed. A copy
 * of the run on a small corner of the model (same propagator, precision, settings, device
 * and gradients, one shot, a few hundred steps) calls the same methods on every row many
 * times more often per second, so C2 has them before the run needs them. It runs on a
 * background thread while the run prepares, once per kind of run in a JVM; it shares no
 * arrays with the run, so the run's results do not change. {@code -Dseiche.warmup=false}
 * turns it off.
 */
final class Warmup {
    /** Cells per dimension of the corner (the PML comes on top) and steps: enough row calls for C2's thresholds. */
    static final int CELLS = 32;
    static final int STEPS = 500;
    /**
     * Steps of a 3-D corner: it steps (32 + 2 PML)^2 rows a step where a 2-D one steps 32 + 2 PML,
     * so 50 steps call every row loop over 10^4 times, and 500 would cost a tenth of the run.
     */
    static final int STEPS_3D = 50;
    /**
     * A 3-D corner's PML is at most this wide on each side (a side without one stays
     * without): the same loops run, on 40^3 cells instead of 72^3 at the usual 20. At 20 the
     * elastic corner cost the bench's 3-D gradient 1.6 s of its 10.2 and 0.3 GB of process peak.
     */
    static final int PML_3D = 4;
    /**
     * A 3-D corner's gradient stores every 5th step (9 terms of its cells each in elastic, all
     * of it on top of the run's own peak); 10 stored steps still call the adjoint's terms on
     * 1.6 x 10^4 rows.
     */
    static final int STORE_INTERVAL_3D = 5;

    private static final Set<String> WARMED = ConcurrentHashMap.newKeySet();
    private static final Warmup NONE = new Warmup(null);

    private final Thread thread;

    private Warmup(Thread thread) {
        this.thread = thread;
    }

    /** Starts the warm-up of this run's kind, unless this JVM has run one or it is turned off. */
    static Warmup start(PipelineSpec spec, Runner.Prepared p, boolean gradient) {
        if (!Boolean.parseBoolean(System.getProperty("seiche.warmup", "true")) || spec.model() == null || spec.survey() == null
                || spec.settings() == null) {
            return NONE;
        }
        Set<String> wrt = gradient ? p.gradientWrt() : Set.of();
        String kind = p.propagator().name() + " " + spec.precision() + " " + spec.settings().accuracy() + " "
                + Arrays.toString(spec.settings().pmlWidth()) + " " + spec.model().shape().length + " " + p.device().name() + " "
                + p.device().threads() + " " + wrt;
        if (!WARMED.add(kind)) {
            return NONE;
        }
        Thread t = new Thread(() -> run(spec, p, wrt), "seiche-warmup");
        t.setDaemon(true);
        t.start();
        return new Warmup(t);
    }

    /** Waits for the warm-up to end (a no-op when there is none or it has ended). */
    void join() {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(PipelineSpec spec, Runner.Prepared p, Set<String> wrt) {
        try {
            Model model = corner(spec.model());
            // disk mode's small files go to the temporary folder, not beside the run's
            PropagatorSettings settings = settings(spec.settings(), model.shape().length);
            try (Simulation sim = p.propagator().prepare(new SimulationSetup(model, survey(spec.survey(), model.shape()),
                    settings, p.device(), spec.precision()));
                 ForwardRun run = sim.forward(new int[] {0}, wrt)) {
                if (!wrt.isEmpty()) {
                    run.adjoint(run.receiverData());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only saves time: a case it cannot copy (a model per shot, a source
            // kind it does not know) runs as it would without one, and any real fault shows in the run
        }
    }

    /**
     * The run's settings for a corner of ndim dimensions: disk files in the temporary folder;
     * 3-D, every 5th step stored and the PML at most PML_3D wide.
     */
    static PropagatorSettings settings(PropagatorSettings given, int ndim) {
        Storage storage = given.storage();
        int[] pml = given.pmlWidth();
        if (ndim >= 3 && pml != null) {
            pml = pml.clone();
            for (int side = 0; side < pml.length; side++) {
                pml[side] = Math.min(pml[side], PML_3D);
            }
        }
        return new PropagatorSettings(given.accuracy(), pml, given.pmlFreq(), given.maxVel(),
                ndim >= 3 ? STORE_INTERVAL_3D : given.gradientSamplingInterval(), given.options(),
                new Storage(storage.mode(), storage.compression(), null, storage.memoryBytes()));
    }

    /** The model's first CELLS cells along every dimension. */
    static Model corner(Model model) {
        int[] shape = model.shape();
        int[] small = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            small[d] = Math.min(shape[d], CELLS);
        }
        Map<String, NdArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : model.parameters().entrySet()) {
            NdArray a = e.getValue();
            NdArray c = NdArray.zeros(small);
            int[] index = new int[small.length];
            for (int i = 0; i < c.size(); i++) {
                int rest = i;
                int from = 0;
                for (int d = small.length - 1; d >= 0; d--) {
                    index[d] = rest % small[d];
                    rest /= small[d];
                }
                for (int d = 0; d < small.length; d++) {
                    from = from * shape[d] + index[d];
                }
                c.data()[i] = a.data()[from];
            }
            params.put(e.getKey(), c);
        }
        return new Model(model.spacing(), params);
    }

    /**
     * One shot: each source group's first source at the corner's centre with its first
     * STEPS samples, each receiver group one receiver beside it, components kept.
     */
    static Survey survey(Survey survey, int[] shape) {
        int nt = Math.min(survey.nt(), shape.length >= 3 ? STEPS_3D : STEPS);
        int[] centre = new int[shape.length];
        int[] beside = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            centre[d] = shape[d] / 2;
            beside[d] = d == 0 ? Math.min(shape[d] - 1, centre[d] + 1) : centre[d];
        }
        List<SourceGroup> sources = new ArrayList<>();
        for (SourceGroup g : survey.sources()) {
            NdArray amplitudes = NdArray.zeros(1, 1, nt);
            System.arraycopy(g.amplitudes().data(), 0, amplitudes.data(), 0, nt);
            sources.add(new SourceGroup(g.component(), new Locations(1, 1, shape.length, centre.clone()), amplitudes));
        }
        List<ReceiverGroup> receivers = new ArrayList<>();
        for (ReceiverGroup g : survey.receivers()) {
            receivers.add(new ReceiverGroup(g.component(), new Locations(1, 1, shape.length, beside.clone())));
        }
        return new Survey(survey.dt(), nt, sources, receivers);
    }
}
