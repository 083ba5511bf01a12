package org.seiche.segy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file eight times the heap is read through, headers and samples, in a JVM of 32 MB:
 * memory does not grow with the file. The file is sparse (zeros after its headers), so it
 * costs no disk.
 */
class StreamingTest {
    static final int SAMPLES = 2000;
    static final long TRACES = 32_000; // 8040 bytes each: 257 MB

    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheHeapIsReadTraceByTrace() throws IOException, InterruptedException {
        Path f = dir.resolve("large.sgy");
        ByteBuffer head = ByteBuffer.allocate(SegyReader.HEADERS_BYTES);
        head.putShort(3216, (short) 4000).putShort(3220, (short) SAMPLES).putShort(3224, (short) 5);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(head.array());
            raf.setLength(SegyReader.HEADERS_BYTES + TRACES * (240 + 4 * SAMPLES));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                f.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "reading took over 300 s");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        assertEquals(TRACES + " traces, " + TRACES * SAMPLES + " samples, sum 0.0", out.strip());
    }

    /** Reads every trace of the file named by its argument and prints what it counted. */
    public static final class Child {
        public static void main(String[] args) {
            long[] n = new long[2];
            double[] sum = new double[1];
            try (SegyReader r = SegyReader.open(Path.of(args[0]))) {
                r.forEachTrace((i, h, samples) -> {
                    n[0]++;
                    n[1] += samples.length;
                    for (double v : samples) {
                        sum[0] += v;
                    }
                });
                System.out.println(n[0] + " traces, " + n[1] + " samples, sum " + sum[0]);
            }
        }
    }
}
