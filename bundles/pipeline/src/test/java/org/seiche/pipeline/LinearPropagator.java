package org.seiche.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.Propagator;
import org.seiche.api.Simulation;
import org.seiche.api.SimulationSetup;

/**
 * A stand-in propagator for testing the pipeline's plumbing: each receiver records the
 * first source's amplitude times the square of v at the receiver's cell. Nonlinear in v
 * (so inversions need iterations) with an exact gradient. Open so a test can swap in its own
 * simulation under the same name and parameters.
 */
class LinearPropagator implements Propagator {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("v");
    }

    @Override
    public Simulation prepare(SimulationSetup setup) {
        NdArray v = setup.model().parameter("v");
        NdArray amp = setup.survey().sources().get(0).amplitudes();
        Locations rec = setup.survey().receivers().get(0).locations();
        int nt = setup.survey().nt();
        int nx = v.ndim() == 2 ? v.dim(1) : 1;
        return new Simulation() {
            @Override
            public int shots() {
                return rec.shots();
            }

            @Override
            public int stepRatio() {
                return 1;
            }

            @Override
            public long bytesPerShot(boolean forGradient) {
                return 8L * nt;
            }

            private int cell(int shot, int r) {
                return rec.coordinate(shot, r, 0) * nx + rec.coordinate(shot, r, 1);
            }

            @Override
            public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
                NdArray data = NdArray.zeros(shots.length, rec.perShot(), nt);
                for (int i = 0; i < shots.length; i++) {
                    for (int r = 0; r < rec.perShot(); r++) {
                        double vc = v.data()[cell(shots[i], r)];
                        for (int t = 0; t < nt; t++) {
                            data.data()[(i * rec.perShot() + r) * nt + t] = amp.data()[shots[i] * amp.dim(1) * nt + t] * vc * vc;
                        }
                    }
                }
                return new ForwardRun() {
                    @Override
                    public List<NdArray> receiverData() {
                        return List.of(data);
                    }

                    @Override
                    public Map<String, NdArray> adjoint(List<NdArray> adjointSources) {
                        NdArray g = NdArray.zeros(v.shape());
                        double[] a = adjointSources.get(0).data();
                        for (int i = 0; i < shots.length; i++) {
                            for (int r = 0; r < rec.perShot(); r++) {
                                int c = cell(shots[i], r);
                                for (int t = 0; t < nt; t++) {
                                    g.data()[c] += a[(i * rec.perShot() + r) * nt + t]
                                            * amp.data()[shots[i] * amp.dim(1) * nt + t] * 2 * v.data()[c];
                                }
                            }
                        }
                        return Map.of("v", g);
                    }

                    @Override
                    public long peakMemoryBytes() {
                        return 8L * data.size();
                    }
                };
            }
        };
    }
}
