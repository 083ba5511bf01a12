package org.seiche.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch list of shot work as it can be sent to another process: the pipeline (by its
 * image's id; null when the pipeline was built in code and exists only in this process),
 * the device to run on, what to compute, the current model and the batches of shot
 * indices. An executor runs every batch and gives the results back in batch order.
 *
 * @param pipeline   the pipeline, or null when it cannot leave this process
 * @param device     the device's name, so that every process computes with the same kernels
 * @param compute    what each batch computes
 * @param wrt        the gradient's parameters (model parameter names, source_amplitudes)
 * @param model      the current model's parameters (the spacing is the pipeline's)
 * @param directions Hessian product directions ({@link Compute#HESSIAN_PRODUCTS} only)
 * @param batches    shot indices of each batch, in the order results are summed
 * @param stage      where the run stands ("iteration 3"), for messages; "" for none
 */
public record ShotWork(PipelineImage pipeline, String device, Compute compute, List<String> wrt, Map<String, NdArray> model,
                       List<Map<String, NdArray>> directions, int[][] batches, String stage) {
    private static final int MAGIC = 0x5345_5357; // "SESW"
    private static final int VERSION = 1;

    public ShotWork {
        wrt = List.copyOf(wrt);
        model = Map.copyOf(model);
        directions = List.copyOf(directions);
    }

    /** What a batch computes. */
    public enum Compute {
        /** Receiver data only. */
        DATA,
        /** Receiver data and the loss. */
        LOSS,
        /** Data, loss and gradients. */
        GRADIENT,
        /** Data, loss, gradients and the Hessian of one parameter. */
        HESSIAN,
        /** Hessian products with the work's directions. */
        HESSIAN_PRODUCTS;

        public boolean adjoint() {
            return this == GRADIENT || this == HESSIAN;
        }
    }

    /**
     * The compact binary form: everything but the pipeline's bytes, which travel apart
     * (once per process) under the image's id.
     */
    public byte[] toBytes() {
        if (pipeline == null) {
            throw new SeicheException("executor: this pipeline was assembled in code, not read from a file, so its shots "
                    + "can run only in this process (executor: local)");
        }
        Wire.Out out = new Wire.Out().i32(MAGIC).i32(VERSION).str(pipeline.id()).str(device).i32(compute.ordinal()).i32(wrt.size());
        wrt.forEach(out::str);
        // the model's parameters in name order, so that equal work has equal bytes
        out.named(new java.util.TreeMap<>(model)).i32(directions.size());
        directions.forEach(d -> out.named(new java.util.TreeMap<>(d)));
        out.i32(batches.length);
        for (int[] b : batches) {
            out.ints(b);
        }
        return out.str(stage).toBytes();
    }

    /** The work of {@link #toBytes}; pipelines gives the image of an id (or refuses it). */
    public static ShotWork fromBytes(byte[] bytes, Function<String, PipelineImage> pipelines) {
        Wire.In in = new Wire.In(bytes, "shot work");
        in.expect(MAGIC, VERSION);
        String id = in.str();
        String device = in.str();
        int c = in.i32();
        if (c < 0 || c >= Compute.values().length) {
            throw new SeicheException("shot work: malformed message (compute " + c + ")");
        }
        int nw = in.i32();
        List<String> wrt = new ArrayList<>();
        for (int i = 0; i < nw; i++) {
            wrt.add(in.str());
        }
        Map<String, NdArray> model = in.named();
        int nd = in.i32();
        List<Map<String, NdArray>> directions = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            directions.add(in.named());
        }
        int nb = in.i32();
        int[][] batches = new int[Math.max(0, Math.min(nb, bytes.length))][];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = in.ints();
        }
        String stage = in.str();
        in.end();
        return new ShotWork(pipelines.apply(id), device, Compute.values()[c], wrt, model, directions, batches, stage);
    }
}
