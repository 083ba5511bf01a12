package org.seiche.wave;

import java.util.function.DoubleSupplier;

import org.seiche.api.PropagatorSettings;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.api.Survey;

/**
 * A survey at the inner time step: the step ratio the fastest velocity allows, the
 * resampling between the survey's and the inner sampling, the C-PML for that step, and
 * the batches of its shots a forward run takes.
 */
public final class SurveySteps {
    private final Survey survey;
    private final PropagatorSettings settings;
    private final double[] spacing;
    private final double maxVelocity;
    private final int stepRatio;
    private final Resampling resampling;

    /**
     * @param modelMaxVelocity the model's fastest velocity, asked for only when the settings give no max_vel
     */
    public SurveySteps(SimulationSetup setup, DoubleSupplier modelMaxVelocity) {
        this.survey = setup.survey();
        this.settings = setup.settings();
        this.spacing = setup.model().spacing();
        this.maxVelocity = Double.isNaN(settings.maxVel()) ? modelMaxVelocity.getAsDouble() : settings.maxVel();
        if (!(maxVelocity > 0)) {
            throw new SeicheException("model.parameters: every cell has zero velocity, nothing can propagate");
        }
        this.stepRatio = StepRatio.of(survey.dt(), maxVelocity, spacing);
        this.resampling = new Resampling(survey.nt(), stepRatio);
    }

    public int shots() {
        return survey.shots();
    }

    public int stepRatio() {
        return stepRatio;
    }

    /** The inner time step. */
    public double dt() {
        return survey.dt() / stepRatio;
    }

    /** The number of inner steps. */
    public int steps() {
        return survey.nt() * stepRatio;
    }

    public Resampling resampling() {
        return resampling;
    }

    /** The C-PML damping for PML widths (before, after per axis) at the inner step. */
    public Cpml cpml(int[] widths) {
        return new Cpml(maxVelocity, settings.pmlFreq(), Cpml.longestMetres(widths, spacing), dt());
    }

    /** The staggered first-derivative coefficients along each axis, divided by its spacing. */
    public double[][] stencils() {
        double[][] stencils = new double[spacing.length][];
        for (int d = 0; d < spacing.length; d++) {
            stencils[d] = Stencils.staggered(settings.accuracy());
            for (int k = 0; k < stencils[d].length; k++) {
                stencils[d][k] /= spacing[d];
            }
        }
        return stencils;
    }

    /** The survey of the given shots, refusing an index outside it. */
    public Survey batch(int[] shots) {
        for (int s : shots) {
            if (s < 0 || s >= shots()) {
                throw new SeicheException("shots: index " + s + " is outside the survey's " + shots() + " shots");
            }
        }
        return survey.select(shots);
    }
}
