package org.seiche.scalar.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares builds of the kernels in one JVM, run by hand (not a test): each build's classes
 * get a class loader of their own, and a benchmark's main method runs from each in turn,
 * round after round. On a shared machine whose speed moves by tens of percent within
 * seconds, builds measured in separate processes minutes apart compare the machine's
 * phases; here each round meets both builds in the same phase, and the median of the
 * per-round ratios says which is faster.
 * <p>
 * Arguments: rounds, the benchmark's arguments (one string), the text of the output line
 * to read (its number before "Mcells/s"), a file holding the dependencies' classpath (as
 * mvn dependency:build-classpath writes it), then one classpath per build (the first is
 * the reference). The benchmark class is ScalarBench unless -Dbench.class names another.
 */
public final class BuildsSideBySide {
    private BuildsSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String[] benchArgs = args[1].trim().split("\\s+");
        String line = args[2];
        String[] dependencies = Files.readString(Path.of(args[3])).trim().split(":");
        List<String> builds = Arrays.asList(args).subList(4, args.length);
        String benchClass = System.getProperty("bench.class", ScalarBench.class.getName());
        List<Method> mains = new ArrayList<>();
        for (String build : builds) {
            List<URL> urls = new ArrayList<>();
            for (String entry : (build + ":" + String.join(":", dependencies)).split(":")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            mains.add(loader.loadClass(benchClass).getMethod("main", String[].class));
        }
        double[][] rates = new double[builds.size()][rounds];
        PrintStream out = System.out;
        for (int r = 0; r < rounds; r++) {
            StringBuilder row = new StringBuilder("round " + r);
            for (int b = 0; b < builds.size(); b++) {
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                try {
                    mains.get(b).invoke(null, (Object) benchArgs);
                } finally {
                    System.setOut(out);
                }
                rates[b][r] = rate(captured.toString(StandardCharsets.UTF_8), line);
                row.append(String.format(" %7.0f", rates[b][r]));
            }
            out.println(row);
        }
        for (int b = 0; b < builds.size(); b++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = rates[b][r] / rates[0][r];
            }
            out.printf("%s: median %.0f Mcells/s, median ratio to the first %.3f%n", builds.get(b), median(rates[b]),
                    median(ratios));
        }
    }

    /** The number before "Mcells/s" on the first output line containing the text. */
    private static double rate(String output, String text) {
        for (String l : output.split("\n")) {
            if (l.contains(text)) {
                String[] words = l.trim().split("\\s+");
                for (int i = 1; i < words.length; i++) {
                    if (words[i].equals("Mcells/s")) {
                        return Double.parseDouble(words[i - 1]);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no line with '" + text + "' and a Mcells/s figure in:\n" + output);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
