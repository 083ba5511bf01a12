package org.seiche.wave.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.seiche.api.SeicheException;

/**
 * The files disk mode streams stored steps to: {@code seiche-steps-PID-N.bin} in the
 * folder given (by default the system's temporary folder), each removed when its store
 * closes. A run killed before that leaves its files; the next store opened in the same
 * folder removes every such file whose process (the PID in its name) is gone.
 */
public final class DiskFiles {
    /** Step buffers between the time loop and the disk's threads. */
    public static final int BUFFERS = 4;
    static final String PREFIX = "seiche-steps-";

    private static final AtomicLong COUNTER = new AtomicLong();

    private DiskFiles() {
    }

    /** A new file for one store in directory (null: the temporary folder), after removing dead runs' files there. */
    static Path create(Path directory) {
        Path folder = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(folder);
            removeLeftovers(folder);
            Path file = folder.resolve(PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + ".bin");
            Files.deleteIfExists(file);
            Files.createFile(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException | UncheckedIOException e) {
            throw new SeicheException("propagator.storage.directory: cannot write stored steps in " + folder + ": " + e);
        }
    }

    /** Removes the files of stores whose process is no longer alive. */
    public static void removeLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.bin")) {
            for (Path f : files) {
                long pid = pid(f.getFileName().toString());
                if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static long pid(String name) {
        int end = name.indexOf('-', PREFIX.length());
        try {
            return end < 0 ? -1 : Long.parseLong(name.substring(PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
