package org.seiche.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seiche.api.Locations;
import org.seiche.api.Model;
import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.api.ReceiverGroup;
import org.seiche.api.SeicheException;
import org.seiche.api.SimulationSetup;
import org.seiche.api.SourceGroup;
import org.seiche.api.Survey;

/** Bad setups are refused before any propagation, with one line naming the field. */
class SetupValidationTest {
    private static final Locations SOURCE = Setups.locations(1, 2, 3, 4, -1, -1);
    private static final Locations RECEIVER = Setups.locations(1, 1, 0, 9);

    private static SimulationSetup setup(NdArray v, Locations sources, Locations receivers) {
        return Setups.setup(v, new double[] {4, 4}, Setups.settings(4, new int[] {5}, 25, Double.NaN), 0.001,
                NdArray.zeros(sources.shots(), sources.perShot(), 10), sources, receivers, Precision.FLOAT32);
    }

    private static String refusal(SimulationSetup setup) {
        return assertThrows(SeicheException.class, () -> Setups.PROPAGATOR.prepare(setup)).getMessage();
    }

    @Test
    void refusesNonPositiveOrNanVelocity() {
        NdArray v = NdArray.filled(1500, 10, 12);
        v.data()[2 * 12 + 7] = -3;
        assertEquals("model.parameters.v: must be positive and finite, got -3.0 at cell [2, 7]",
                refusal(setup(v, SOURCE, RECEIVER)));
        v.data()[2 * 12 + 7] = Double.NaN;
        assertEquals("model.parameters.v: must be positive and finite, got NaN at cell [2, 7]",
                refusal(setup(v, SOURCE, RECEIVER)));
    }

    @Test
    void refusesLocationsOutsideTheModel() {
        NdArray v = NdArray.filled(1500, 10, 12);
        assertEquals("survey.sources.locations: shot 0 source 1 at [3, 120] is outside the model [10, 12]",
                refusal(setup(v, Setups.locations(1, 2, 3, 4, 3, 120), RECEIVER)));
        assertEquals("survey.receivers.locations: shot 0 receiver 0 at [-1, 2] is outside the model [10, 12]",
                refusal(setup(v, SOURCE, Setups.locations(1, 1, -1, 2))));
    }

    @Test
    void refusesWrongDimensions() {
        NdArray v = NdArray.filled(1500, 10, 12);
        assertEquals("survey.sources.locations: 3 coordinates per location, the model is 2-D",
                refusal(setup(v, new Locations(1, 1, 3, new int[] {1, 2, 3}), RECEIVER)));
        NdArray v4 = NdArray.filled(1500, 4, 5, 6, 7);
        Locations s4 = new Locations(1, 1, 4, new int[] {1, 2, 3, 4});
        SimulationSetup four = new SimulationSetup(new Model(new double[] {4, 4, 4, 4}, Map.of("v", v4)),
                new Survey(0.001, 10, List.of(new SourceGroup("", s4, NdArray.zeros(1, 1, 10))),
                        List.of(new ReceiverGroup("", s4))),
                Setups.settings(4, new int[] {5}, 25, Double.NaN), Setups.DEVICE, Precision.FLOAT32);
        assertEquals("model: the scalar propagator has no 4-D kernel on device cpu (it has 1-D, 2-D, 3-D)", refusal(four));
    }

    @Test
    void refusesMissingVelocityAndComponents() {
        SimulationSetup ok = setup(NdArray.filled(1500, 10, 12), SOURCE, RECEIVER);
        SimulationSetup missing = new SimulationSetup(new Model(new double[] {4, 4}, Map.of("vp", NdArray.filled(1, 10, 12))),
                ok.survey(), ok.settings(), ok.device(), ok.precision());
        assertEquals("model.parameters: 'v' is missing (have [vp])", refusal(missing));
        Survey withComponent = new Survey(0.001, 10,
                List.of(new SourceGroup("y", SOURCE, NdArray.zeros(1, 2, 10))), List.of(new ReceiverGroup("", RECEIVER)));
        assertEquals("survey.sources.component: the scalar propagator has no components, got 'y'",
                refusal(new SimulationSetup(ok.model(), withComponent, ok.settings(), ok.device(), ok.precision())));
    }
}
