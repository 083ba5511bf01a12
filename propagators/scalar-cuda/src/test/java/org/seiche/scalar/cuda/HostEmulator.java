package org.seiche.scalar.cuda;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.seiche.api.NdArray;
import org.seiche.api.Precision;
import org.seiche.device.cuda.CudaTesting;

/**
 * The CUDA kernels of src/main/cuda compiled for the CPU by g++ through
 * src/test/cuda/host_shim.h, with the C driver that launches them as CudaScalarBatch does.
 * A case goes to the driver as the GPU would get it (ScalarLayout, the transducer cells,
 * the terms), and its results come back as a {@link KernelRun}.
 */
final class HostEmulator {
    private final Path work;
    private final Path driver;

    /** Compiles the driver into work; fails with the compiler's output if the kernels do not compile. */
    HostEmulator(Path work) throws IOException, InterruptedException {
        this.work = Files.createDirectories(work);
        this.driver = work.resolve("host_driver");
        CudaTesting.run(CudaTesting.compile("host_driver.cpp", driver), "g++");
    }

    /** A forward run storing every step, then the adjoint run with the given adjoint samples. */
    KernelRun run(ScalarCase.Prepared p, NdArray innerAdjoint) throws IOException, InterruptedException {
        return run(p, innerAdjoint, null);
    }

    /** Born's forward run: the scattered field's samples, ratio = 2 scatter / v on the padded grid. */
    NdArray born(ScalarCase.Prepared p, double[] ratio) throws IOException, InterruptedException {
        var problem = p.problem();
        NdArray noAdjoint = NdArray.zeros(problem.receivers().shots(), problem.receivers().perShot(), problem.steps().steps());
        return run(p, noAdjoint, ratio).samples();
    }

    private KernelRun run(ScalarCase.Prepared p, NdArray innerAdjoint, double[] bornRatio)
            throws IOException, InterruptedException {
        var problem = p.problem();
        ScalarLayout layout = new ScalarLayout(problem.grid());
        int steps = problem.steps().steps();
        int shots = problem.sources().shots();
        int ns = problem.sources().perShot();
        int nr = problem.receivers().perShot();
        String name = p.source().name() + "-" + p.precision().label() + (bornRatio != null ? "-born" : "");
        Path in = work.resolve(name + ".case");
        Path out = work.resolve(name + ".out");
        try (OutputStream file = Files.newOutputStream(in)) {
            Writer w = new Writer(file);
            boolean born = bornRatio != null;
            w.ints(p.precision() == Precision.FLOAT64 ? 8 : 4, layout.accuracy, born ? 0 : 1, shots, ns, nr, steps,
                    born ? 1 : 0);
            w.ints(layout.geometry);
            w.ints(problem.sources().cells());
            w.ints(problem.receivers().cells());
            w.doubles(layout.coefficients);
            for (double[] profile : layout.profiles) {
                w.doubles(profile);
            }
            w.doubles(problem.grid().v2dt2());
            w.doubles(p.injection().terms().data());
            w.doubles(innerAdjoint.data());
            if (born) {
                w.doubles(bornRatio);
            }
        }
        CudaTesting.run(List.of(driver.toString(), in.toString(), out.toString()), "host_driver");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        NdArray samples = take(b, shots, nr, steps);
        NdArray termGradient = take(b, shots, ns, steps);
        NdArray v2dt2Gradient = take(b, problem.grid().paddedShape());
        return new KernelRun(samples, termGradient, v2dt2Gradient);
    }

    private static NdArray take(ByteBuffer b, int... shape) {
        NdArray a = NdArray.zeros(shape);
        b.asDoubleBuffer().get(a.data());
        b.position(b.position() + a.size() * Double.BYTES);
        return a;
    }

    /** Little-endian ints and doubles, as the driver reads them. */
    private static final class Writer {
        private final DataOutputStream out;

        Writer(OutputStream out) {
            this.out = new DataOutputStream(new java.io.BufferedOutputStream(out));
        }

        void ints(int... values) throws IOException {
            for (int v : values) {
                out.writeInt(Integer.reverseBytes(v));
            }
            out.flush();
        }

        void doubles(double... values) throws IOException {
            for (double v : values) {
                out.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(v)));
            }
            out.flush();
        }
    }
}
