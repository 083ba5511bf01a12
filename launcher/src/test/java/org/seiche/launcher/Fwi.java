package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ./fwi launcher of this checkout as a user would, and captures what it says. */
final class Fwi {
    static final Path HOME = Path.of(System.getProperty("seiche.home", "..")).toAbsolutePath().normalize();

    record Outcome(int exit, String out, String err) {
    }

    private Fwi() {
    }

    static Outcome run(String... args) {
        return runIn(HOME, args);
    }

    static Outcome runIn(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("fwi").toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("fwi-out", ".txt");
            Path err = Files.createTempFile("fwi-err", ".txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("./fwi " + String.join(" ", args) + " did not finish in 300 s");
            }
            Outcome o = new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return o;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
