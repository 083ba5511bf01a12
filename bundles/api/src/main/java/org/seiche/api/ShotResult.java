package org.seiche.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one batch of shot work gave, as it can be sent back: summed by the pipeline in batch
 * order, so a run's result is the same bits whichever process computed which batch.
 *
 * @param batch       the batch's index in the work
 * @param data        receiver data of the batch's shots, one array per receiver group
 * @param extraData   further per-shot arrays a propagator records, by name
 * @param losses      the batch's loss, one value per receiver group (empty when no loss was asked)
 * @param gradients   the batch's gradients by name
 * @param hessian     the batch's Hessian, or null
 * @param products    the batch's Hessian products, one per direction
 * @param peakBytes   the largest memory the batch's runs held
 * @param estimateBytes the memory planned for the run (0 when this batch planned none)
 * @param bytesPerShot  memory one shot holds
 * @param stepRatio   time steps per data sample
 * @param member      who ran it ("local" for this process)
 * @param seconds     how long it took there
 */
public record ShotResult(int batch, List<NdArray> data, Map<String, NdArray> extraData, double[] losses,
                         Map<String, NdArray> gradients, NdArray hessian, List<Map<String, NdArray>> products, long peakBytes,
                         long estimateBytes, long bytesPerShot, int stepRatio, String member, double seconds) {
    private static final int MAGIC = 0x5345_5352; // "SESR"
    private static final int VERSION = 1;

    /** The same result, credited to another member (the name its executor knows it by). */
    public ShotResult by(String who, double took) {
        return new ShotResult(batch, data, extraData, losses, gradients, hessian, products, peakBytes, estimateBytes, bytesPerShot,
                stepRatio, who, took);
    }

    public byte[] toBytes() {
        Wire.Out out = new Wire.Out().i32(MAGIC).i32(VERSION).i32(batch).arrays(data).named(extraData).doubles(losses)
                .named(gradients).array(hessian).i32(products.size());
        products.forEach(out::named);
        return out.i64(peakBytes).i64(estimateBytes).i64(bytesPerShot).i32(stepRatio).str(member).f64(seconds).toBytes();
    }

    public static ShotResult fromBytes(byte[] bytes) {
        Wire.In in = new Wire.In(bytes, "shot result");
        in.expect(MAGIC, VERSION);
        int batch = in.i32();
        List<NdArray> data = in.arrays();
        Map<String, NdArray> extra = in.named();
        double[] losses = in.doubles();
        Map<String, NdArray> gradients = in.named();
        NdArray hessian = in.array();
        int np = in.i32();
        List<Map<String, NdArray>> products = new ArrayList<>();
        for (int i = 0; i < np && i < bytes.length; i++) {
            products.add(in.named());
        }
        ShotResult r = new ShotResult(batch, data, extra, losses, gradients, hessian, products, in.i64(), in.i64(), in.i64(),
                in.i32(), in.str(), in.f64());
        in.end();
        return r;
    }
}
