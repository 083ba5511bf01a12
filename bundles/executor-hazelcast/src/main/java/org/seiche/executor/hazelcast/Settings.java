package org.seiche.executor.hazelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.seiche.api.SeicheException;

/**
 * What the pipeline's executor block (or ./fwi member's options) says: the cluster's name,
 * the address to bind, the members to join, whether this process runs shots too, and after
 * how long a batch still running is given to an idle member as well.
 */
record Settings(String cluster, String bindHost, int bindPort, List<String> join, boolean local, double reissueAfterSeconds,
                int threads) {
    /** The executor block's keys beyond name. */
    static final Set<String> KEYS = Set.of("cluster", "join", "local", "reissue_after", "bind");
    static final String DEFAULT_CLUSTER = "seiche";
    static final int DEFAULT_PORT = 5701;

    /** A coordinator's settings from the pipeline's executor block. */
    static Settings coordinator(Map<String, Object> config) {
        String[] bind = address("executor.bind", text(config, "bind", "127.0.0.1"), -1);
        return new Settings(cluster("executor.cluster", text(config, "cluster", DEFAULT_CLUSTER)), bind[0], Integer.parseInt(bind[1]),
                join("executor.join", config.get("join")), flag(config.get("local")), seconds(config.get("reissue_after")), 0);
    }

    /** A member's settings from ./fwi member's options (the same names; bind defaults to 127.0.0.1:5701). */
    static Settings member(Map<String, Object> config) {
        String[] bind = address("--bind", text(config, "bind", "127.0.0.1:" + DEFAULT_PORT), DEFAULT_PORT);
        Object threads = config.getOrDefault("threads", 0);
        int t = threads instanceof Number n ? n.intValue() : -1;
        if (t < 0) {
            throw new SeicheException("--threads: must be at least 1, got " + threads);
        }
        return new Settings(cluster("--cluster", text(config, "cluster", DEFAULT_CLUSTER)), bind[0], Integer.parseInt(bind[1]),
                join("--join", config.get("join")), false, 60, t);
    }

    private static String text(Map<String, Object> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null ? fallback : v.toString();
    }

    private static String cluster(String field, String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new SeicheException(field + ": '" + name + "' is not a cluster name (letters, digits, . _ -; at most 64)");
        }
        return name;
    }

    /** HOST or HOST:PORT; -1 as the default port: any free one from 5701 on (returned as 0). */
    private static String[] address(String field, String given, int defaultPort) {
        int colon = given.lastIndexOf(':');
        String host = colon < 0 ? given : given.substring(0, colon);
        String port = colon < 0 ? Integer.toString(Math.max(0, defaultPort)) : given.substring(colon + 1);
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new SeicheException(field + ": '" + given + "' is not HOST:PORT");
        }
        return new String[] {host, port};
    }

    private static List<String> join(String field, Object given) {
        List<String> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        List<?> items = given instanceof List<?> l ? l : List.of(given.toString().split(","));
        for (Object o : items) {
            String a = o.toString().strip();
            if (!a.isEmpty()) {
                String[] hp = address(field, a, DEFAULT_PORT);
                out.add(hp[0] + ":" + hp[1]);
            }
        }
        return out;
    }

    private static boolean flag(Object given) {
        if (given == null || given instanceof Boolean) {
            return given == null || (Boolean) given;
        }
        throw new SeicheException("executor.local: expected true or false, got " + given);
    }

    /** A time: seconds as a number, or "60 s", "2 min", "500 ms"; default 60 s. */
    static double seconds(Object given) {
        if (given == null) {
            return 60;
        }
        if (given instanceof Number n) {
            return positive(n.doubleValue(), given);
        }
        String s = given.toString().strip().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+(?:e[-+]?\\d+)?)\\s*(ms|s|min|h)?").matcher(s);
        if (!m.matches()) {
            throw new SeicheException("executor.reissue_after: '" + given + "' is not a time (e.g. 60 s, 2 min)");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return positive(switch (unit) {
            case "ms" -> v / 1000;
            case "min" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        }, given);
    }

    private static double positive(double v, Object given) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new SeicheException("executor.reissue_after: must be a positive time, got " + given);
        }
        return v;
    }
}
