package org.seiche.launcher;

import java.util.Arrays;

/**
 * The single-shot scalar gradient the launcher ITs run at several sizes: v a constant 2000 m/s
 * on a 10 m grid, accuracy 4, one 10 Hz Ricker source, a regular line of receivers, zero
 * observed data and the mse loss.
 *
 * @param shape the model's cells (2-D or 3-D)
 * @param propagator the propagator keys besides name, accuracy and pml_freq, e.g. "pml_width: 20"
 * @param source the source's cell
 * @param receivers how many receivers, from {@code first} by {@code step}
 */
record ScalarGradient(int[] shape, String propagator, double dt, int nt, int[] source, int receivers, int[] first,
                      int[] step) {
    /** The pipeline file's text. */
    String yaml() {
        return """
                task: gradient
                precision: float32
                model:
                  spacing: 10.0
                  parameters:
                    v: {constant: 2000.0, shape: %s}
                propagator: {name: scalar, accuracy: 4, pml_freq: 10.0, %s}
                survey:
                  dt: %s
                  nt: %d
                  sources:
                    locations: [[%s]]
                    wavelet: {type: ricker, freq: 10.0, peak_time: 0.15}
                  receivers:
                    locations: {regular: {shots: 1, per_shot: %d, first: %s, shot_step: %s, step: %s}}
                observed: {constant: 0.0, shape: [1, %d, %d]}
                loss: mse
                gradient_wrt: [v]
                """.formatted(Arrays.toString(shape), propagator, dt, nt, Arrays.toString(source), receivers,
                Arrays.toString(first), Arrays.toString(new int[shape.length]), Arrays.toString(step), receivers, nt);
    }

    /**
     * Long enough to be caught mid-run (400 x 400 cells, 6000 steps, every tenth stored): its
     * stored steps go to disk, in {@code directory}.
     */
    static ScalarGradient longOnDisk(String directory) {
        return new ScalarGradient(new int[] {400, 400},
                "pml_width: 20, gradient_sampling_interval: 10, storage: {mode: disk, directory: " + directory + "}", 0.002,
                6000, new int[] {2, 200}, 30, new int[] {2, 10}, new int[] {0, 12});
    }
}
