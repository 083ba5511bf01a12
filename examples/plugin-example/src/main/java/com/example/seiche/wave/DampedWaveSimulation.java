package com.example.seiche.wave;

import java.util.Set;

import org.seiche.api.Device;
import org.seiche.api.ForwardRun;
import org.seiche.api.Locations;
import org.seiche.api.NdArray;
import org.seiche.api.SeicheException;
import org.seiche.api.Simulation;
import org.seiche.api.Survey;

import com.example.seiche.wave.spi.DampedWaveKernel;
import com.example.seiche.wave.spi.WaveStep;

/** The damped wave prepared on a model: squared velocities, step constants, the survey. */
final class DampedWaveSimulation implements Simulation {
    final WaveStep step;
    final NdArray velocity;
    final double[] m;
    final Survey survey;
    final DampedWaveKernel kernel;
    final Device device;

    DampedWaveSimulation(WaveStep step, NdArray velocity, double[] m, Survey survey, DampedWaveKernel kernel,
                         Device device) {
        this.step = step;
        this.velocity = velocity;
        this.m = m;
        this.survey = survey;
        this.kernel = kernel;
        this.device = device;
    }

    @Override
    public int shots() {
        return survey.shots();
    }

    @Override
    public int stepRatio() {
        return 1;
    }

    @Override
    public ForwardRun forward(int[] shots, Set<String> gradientWrt) {
        for (String g : gradientWrt) {
            if (!g.equals(DampedWavePropagator.VELOCITY) && !g.equals(SOURCE_AMPLITUDES)) {
                throw new SeicheException("gradient_wrt: " + DampedWavePropagator.NAME + " gives gradients for "
                        + DampedWavePropagator.VELOCITY + " and " + SOURCE_AMPLITUDES + ", not '" + g + "'");
            }
        }
        return new DampedWaveRun(this, survey.select(shots), !gradientWrt.isEmpty(), gradientWrt);
    }

    @Override
    public long bytesPerShot(boolean forGradient) {
        return (long) Double.BYTES * step.cells() * (forGradient ? survey.nt() + 2 : 2);
    }

    /** The grid cell of each location of a shot, -1 for an unused one. */
    int[] cells(Locations at, int shot) {
        int[] cells = new int[at.perShot()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = at.unused(shot, i) ? -1 : at.coordinate(shot, i, 0) * step.n1() + at.coordinate(shot, i, 1);
        }
        return cells;
    }
}
