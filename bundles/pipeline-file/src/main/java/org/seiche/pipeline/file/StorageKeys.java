package org.seiche.pipeline.file;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.seiche.api.Storage;

/** Reads {@code propagator.storage}: mode, compression, directory and the memory budget. */
final class StorageKeys {
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

    private StorageKeys() {
    }

    /** The storage a block gives; every step in memory when absent. A relative directory is relative to base, the pipeline file's folder. */
    static Storage read(Field f, java.nio.file.Path base) {
        if (!f.present()) {
            return Storage.MEMORY;
        }
        f.requireObject();
        Storage.Mode mode = f.has("mode") ? choice(f.get("mode"), Storage.Mode.values()) : null;
        Storage.Compression compression = f.has("compression") ? choice(f.get("compression"), Storage.Compression.values())
                : Storage.Compression.NONE;
        String directory = f.has("directory") ? base.resolve(f.get("directory").text()).toString() : null;
        if (directory != null && mode != Storage.Mode.DISK && mode != null) {
            throw f.get("directory").fail("applies to mode disk, not " + mode.key());
        }
        long memory = f.has("memory") ? bytes(f.get("memory")) : 0;
        if (mode == null && memory == 0) {
            throw f.fail("give mode (memory, disk, checkpoint or none) or memory (a budget such as 2 GB) to choose one by");
        }
        return new Storage(mode, compression, directory, memory);
    }

    private static <E extends Enum<E>> E choice(Field f, E[] values) {
        String given = f.text();
        StringBuilder known = new StringBuilder();
        for (E v : values) {
            if (v.name().equalsIgnoreCase(given)) {
                return v;
            }
            known.append(known.length() == 0 ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT));
        }
        throw f.fail("unknown value '" + given + "' (known: " + known + ")");
    }

    /** A size: bytes, or a number with B, KB, MB, GB or TB (powers of 1000). */
    static long bytes(Field f) {
        String text = f.text().trim();
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw f.fail("expected a size such as 2 GB or 500 MB, got '" + text + "'");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        double scale = switch (unit) {
            case "KB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            default -> 1;
        };
        long b = (long) (n * scale);
        if (b <= 0) {
            throw f.fail("must be a positive size, got '" + text + "'");
        }
        return b;
    }
}
