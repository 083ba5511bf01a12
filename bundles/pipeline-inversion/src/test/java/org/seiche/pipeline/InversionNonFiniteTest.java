package org.seiche.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.SeicheException;
import org.seiche.pipeline.inversion.InversionTestSupport;

/** A NaN or an infinity is refused where it enters: at load, naming the file and index, or in a run, naming the shot. */
/** An inversion that goes non-finite stops naming the iteration and what went non-finite. */
class InversionNonFiniteTest {
    @TempDir
    Path dir;

    /** An inversion whose first descent step is 1e300 times the gradient; extra goes in the inversion block. */
    private Path overflowingInversion(String extra) throws IOException {
        return PipelineTestSupport.pipeline(dir, """
                task: invert
                precision: float64
                inversion:
                  parameters: [v]
                  iterations: 5
                  optimiser: {name: descent, lr: 1e300}
                """ + extra + PipelineTestSupport.SURVEY);
    }

    @Test
    void anInversionWhoseModelBlowsUpStopsNamingTheIteration() throws IOException {
        var runtime = InversionTestSupport.runtime();
        Path p = overflowingInversion("");
        // the first step takes v to about 1e300, whose square no double holds; the inversion
        // evaluates the point a step returns within that step's iteration
        SeicheException e = NonFiniteTest.refused(() -> runtime.run(runtime.read(p)), "iteration 1, shot 0: receiver_data is ",
                "Infinity at [0, 0, 0]");
        assertTrue(e.getMessage().startsWith("iteration 1, shot 0: receiver_data is "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/iterations/model_v_0001.npy")), "the step that blew up is not kept");
        assertFalse(Files.exists(dir.resolve("out/summary.json")), "no results of a failed run");
    }

    @Test
    void aStepThatLeavesTheModelNonFiniteIsNamedAsSuch() throws IOException {
        var runtime = InversionTestSupport.runtime();
        Path p = overflowingInversion("""
                  mappings:
                    - {name: scale, factor: 1e10}
                """);
        // the gradient in x is 1e10 times v's: the first step overflows x wherever a receiver records (cells 3 to 8)
        SeicheException e = NonFiniteTest.refused(() -> runtime.run(runtime.read(p)), "Infinity at [1, 0]");
        assertTrue(e.getMessage().startsWith("iteration 1: model parameter v is "), e.getMessage());
    }
}
