package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seiche.api.NdArray;
import org.seiche.io.Npy;

/**
 * The reference cases (computed with Deepwave, or analytic) carried in the test resources,
 * run through ./fwi and checked as ../shared/tools/compare.py does: relative L2 per output
 * file within the case's tolerance (data 1e-3, gradients 1e-2, Hessians 2e-2, unless its
 * tolerances.json says otherwise) and the loss within 1e-3.
 */
class ReferenceCasesIT {
    private static final Path CASES = Path.of("src/test/resources/reference").toAbsolutePath();

    @TempDir
    Path tmp;

    static List<String> cases() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            s.filter(p -> Files.exists(p.resolve("pipeline.yaml"))).map(p -> p.getFileName().toString()).sorted()
                    .forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReference(String name) throws IOException {
        Path dir = CASES.resolve(name);
        Path out = tmp.resolve(name);
        Fwi.Outcome run = Fwi.run("run", dir.resolve("pipeline.yaml").toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.exit(), run.err());
        Path expected = dir.resolve("expected");
        String tol = Files.exists(expected.resolve("tolerances.json")) ? Files.readString(expected.resolve("tolerances.json")) : "";
        List<String> report = new ArrayList<>();
        boolean ok = true;
        try (Stream<Path> files = Files.list(expected)) {
            for (Path e : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".npy")).sorted()::iterator) {
                String file = e.getFileName().toString();
                double rtol = tolerance(file, tol);
                Path a = out.resolve(file);
                assertTrue(Files.exists(a), file + " missing from the output");
                NdArray exp = Npy.read(e);
                NdArray act = Npy.read(a);
                assertEquals(exp.shapeString(), act.shapeString(), file + " shape");
                double rel = relativeL2(act.data(), exp.data());
                report.add(String.format("%s rel_l2 %.3e (tol %g)", file, rel, rtol));
                ok &= rel <= rtol;
            }
        }
        Double el = number(Files.readString(expected.resolve("summary.json")), "loss");
        if (el != null) {
            Double al = number(Files.readString(out.resolve("summary.json")), "loss");
            assertTrue(al != null, "no loss in summary.json");
            double rel = Math.abs(al - el) / Math.abs(el);
            report.add(String.format("loss rel %.3e", rel));
            Double rtol = number(tol, "rtol_loss");
            ok &= rel <= (rtol != null ? rtol : 1e-3);
        }
        System.out.println(name + ": " + String.join(", ", report));
        assertTrue(ok, name + ": " + String.join(", ", report));
    }

    /** The case's tolerance for a file (tolerances.json's top-level keys; per-file ones are not used by the cases). */
    private static double tolerance(String file, String tol) {
        String key = file.startsWith("gradient_") ? "rtol_grad" : file.startsWith("hessian_") ? "rtol_hess" : "rtol_data";
        double def = key.equals("rtol_grad") ? 1e-2 : key.equals("rtol_hess") ? 2e-2 : 1e-3;
        Double t = number(tol, key);
        return t != null ? t : def;
    }

    /** A top-level number of a small JSON document. */
    private static Double number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    static double relativeL2(double[] a, double[] e) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.length; i++) {
            num += (a[i] - e[i]) * (a[i] - e[i]);
            den += e[i] * e[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }
}
