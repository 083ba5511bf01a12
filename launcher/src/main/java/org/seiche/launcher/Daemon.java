package org.seiche.launcher;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.sun.management.HotSpotDiagnosticMXBean;

import jdk.net.ExtendedSocketOptions;

import picocli.CommandLine;

/**
 * The resident warm process behind {@code ./fwi run}, as Gradle's daemon: started by the
 * first run, it keeps the framework started and the kernels compiled, and serves later runs
 * of the same user and installation one at a time over a Unix-domain socket in a folder only
 * that user can enter. It serves a run only as a fresh JVM would run it: the same JVM and
 * environment (SEICHE_JAVA_OPTS and the rest, {@link #relevant}) and bundles unchanged since
 * it started (else it stops and ./fwi starts a new one for the run), the same plugin folders
 * (else the run goes to a fresh JVM). A run's stdout and stderr go to its client alone; a client that goes away mid-run
 * stops the daemon at once, as the run's own process would have been killed. Idle for
 * SEICHE_DAEMON_IDLE (default 10 minutes), it exits.
 */
public final class Daemon {
    private static final long DEFAULT_IDLE_SECONDS = 600;
    private static final long TRIM_AFTER_NANOS = 30_000_000_000L;
    /**
     * The share of the machine's memory (percent) an idle daemon holds at most between runs
     * unless SEICHE_DAEMON_KEEP says otherwise: after an 8-shot gradient of the 500 x 500 bench
     * case it held 10.5 GB of a 24 GB machine, and a fresh ./fwi run of the same case beside it
     * took 35.2 s instead of 8.6 s.
     */
    private static final int DEFAULT_KEEP_PERCENT = 33;
    /** MaxHeapFreeRatio while trimming: the JVM's default. */
    private static final long SHRINK_FREE_RATIO = 70;
    /** Variables that choose how ./fwi starts, not what a run does. */
    private static final Set<String> LAUNCH_ONLY = Set.of("SEICHE_DAEMON", "SEICHE_DAEMON_DIR", "SEICHE_DAEMON_IDLE",
            "SEICHE_DAEMON_KEEP", "SEICHE_CDS");
    /** Variables besides SEICHE_* that change what a JVM does. */
    private static final Set<String> PROCESS = Set.of("LANG", "TZ", "LD_LIBRARY_PATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS");

    private static final String PLUGIN_FOLDERS = "plugin folders";

    private final Path home;
    private final Path dir;
    private final long idleNanos;
    /** How much of the machine's memory (percent) the daemon may keep between runs. */
    private final int keepPercent;
    private final PrintStream log;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<String, String> environment = relevant(System.getenv());
    private volatile long lastUsed = System.nanoTime();
    /** The last run has sent its status and the daemon is collecting its garbage: busy, but not for long. */
    private volatile boolean cleaning;
    /** Whether what the last run's propagators keep for reuse has been given back (once idle for TRIM_AFTER_NANOS). */
    private volatile boolean trimmed = true;
    private final long startedMillis = System.currentTimeMillis();
    private int runs;
    private SeicheFramework framework;
    private List<Path> pluginDirs;
    private String fingerprint;
    private ServerSocketChannel server;
    /** Holds the folder's lock: one daemon per folder; closed, it lets a new daemon take the folder. */
    private FileChannel lockFile;

    private Daemon(Path home, Path dir, long idleSeconds, int keepPercent) {
        this.home = home;
        this.dir = dir;
        this.idleNanos = idleSeconds * 1_000_000_000L;
        this.keepPercent = keepPercent;
        this.log = System.out;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Path home = Path.of(System.getProperty("seiche.home", ".")).toAbsolutePath().normalize();
        Path dir = Path.of(args[0]).toAbsolutePath();
        System.exit(new Daemon(home, dir, idleSeconds(System.getenv("SEICHE_DAEMON_IDLE")),
                keepPercent(System.getenv("SEICHE_DAEMON_KEEP"))).serve());
    }

    /** SEICHE_DAEMON_KEEP: a percentage of the machine's memory (./fwi has checked its form). */
    static int keepPercent(String given) {
        return given == null || given.isBlank() ? DEFAULT_KEEP_PERCENT : Integer.parseInt(given.trim());
    }

    /** SEICHE_DAEMON_IDLE: seconds, or a number with s, m or h (./fwi has checked its form). */
    static long idleSeconds(String given) {
        if (given == null || given.isBlank()) {
            return DEFAULT_IDLE_SECONDS;
        }
        char unit = given.charAt(given.length() - 1);
        long scale = unit == 'h' ? 3600 : unit == 'm' ? 60 : 1;
        return Long.parseLong(Character.isDigit(unit) ? given : given.substring(0, given.length() - 1)) * scale;
    }

    /** The variables that make a run differ: SEICHE_* but those of ./fwi's start, the locale, the JVM's own. */
    static Map<String, String> relevant(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("SEICHE_") && !LAUNCH_ONLY.contains(k) || k.startsWith("LC_") || k.startsWith("CUDA_")
                    || PROCESS.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private int serve() {
        if (!DaemonClient.isPrivate(dir)) {
            log.println("daemon: " + dir + " is not a folder of this user's alone (rwx------): not serving");
            return 2;
        }
        try {
            lockFile = FileChannel.open(dir.resolve("daemon.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lock(lockFile);
            if (lock == null) {
                log.println("daemon: another daemon serves " + dir);
                return 0;
            }
            pluginDirs = new Main(home, System.nanoTime(), home, null, Map.of()).pluginDirs();
            fingerprint = fingerprint();
            framework = SeicheFramework.start(Main.bundles(home), pluginDirs);
            framework.pipeline(); // Declarative Services has the runtime up: the first run waits no more
            Path socket = dir.resolve(DaemonClient.SOCKET);
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            log.printf("daemon %d: serving %s at %s, stops after %d s idle%n", ProcessHandle.current().pid(), home, socket,
                    idleNanos / 1_000_000_000L);
            Thread idle = new Thread(this::stopWhenIdle, "seiche-daemon-idle");
            idle.setDaemon(true);
            idle.start();
            while (true) {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> handle(client), "seiche-daemon-client");
                t.start();
            }
        } catch (IOException | RuntimeException e) {
            if (server != null && !server.isOpen()) {
                waitForExit(); // closed by stop, the idle timer or changed bundles, which end the process
            }
            log.println("daemon: " + e);
            return 1;
        } finally {
            stopListening();
        }
    }

    private static void waitForExit() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The folder's lock, waiting briefly for a daemon that is stopping (its bundles changed) to let it go. */
    private static FileLock lock(FileChannel file) throws IOException {
        for (int i = 0; i < 250; i++) {
            FileLock lock = file.tryLock();
            if (lock != null) {
                return lock;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private void stopWhenIdle() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long idle = System.nanoTime() - lastUsed;
            if (idle > idleNanos && busy.compareAndSet(false, true)) {
                log.println("daemon: idle for " + idleNanos / 1_000_000_000L + " s, stopping");
                exit(0);
            }
            if (!trimmed && idle > TRIM_AFTER_NANOS && busy.compareAndSet(false, true)) {
                cleaning = true;
                trim();
                trimmed = true;
                busy.set(false);
                cleaning = false;
            }
        }
    }

    /**
     * Gives back the heap an idle daemon holds. Between runs it stays committed (./fwi starts the
     * daemon with MaxHeapFreeRatio=100, so that a run's stored steps land on pages an earlier run
     * faulted in); what the propagators keep softly for reuse goes at a full collection
     * (SoftRefLRUPolicyMSPerMB=0) and, with the ratio at the JVM's default for two of them, the
     * free heap is uncommitted.
     */
    private void trim() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // not HotSpot: the collections alone
        String kept = vm == null ? null : vm.getVMOption("MaxHeapFreeRatio").getValue();
        if (kept != null) {
            long least = Long.parseLong(vm.getVMOption("MinHeapFreeRatio").getValue());
            vm.setVMOption("MaxHeapFreeRatio", String.valueOf(Math.max(least, SHRINK_FREE_RATIO)));
        }
        try {
            System.gc();
            System.gc();
        } finally {
            if (kept != null) {
                vm.setVMOption("MaxHeapFreeRatio", kept);
            }
        }
    }

    /** The machine's memory in bytes, or Long.MAX_VALUE when the JVM does not say. */
    private static long machineBytes() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Long.MAX_VALUE;
    }

    /** No new client reaches this daemon: the next ./fwi run starts another. */
    private void stopListening() {
        try {
            if (server != null) {
                Files.deleteIfExists(dir.resolve(DaemonClient.SOCKET));
                server.close();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException ignored) {
            // the process is ending; a socket file left behind refuses connections and is replaced
        }
    }

    /** Stops listening, then the framework (its cache folder removed), then the process. */
    private void exit(int status) {
        stopListening();
        framework.close();
        System.exit(status);
    }

    /** Names, sizes and times of the launcher, its class path, its bundles and the plugin folders' files. */
    private String fingerprint() {
        Path target = home.resolve("launcher/target");
        List<Path> places = new ArrayList<>(List.of(target.resolve("seiche-launcher.jar"), target.resolve("lib"),
                Main.bundles(home)));
        places.addAll(pluginDirs);
        StringBuilder s = new StringBuilder();
        for (Path place : places) {
            List<Path> files;
            if (Files.isDirectory(place)) {
                try (Stream<Path> list = Files.list(place)) {
                    files = list.sorted().toList();
                } catch (IOException e) {
                    files = List.of();
                }
            } else {
                files = List.of(place);
            }
            for (Path f : files) {
                try {
                    s.append(f).append(' ').append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis())
                            .append('\n');
                } catch (IOException e) {
                    s.append(f).append(" absent\n");
                }
            }
        }
        return s.toString();
    }

    /** One connection: a run, status or stop. */
    private void handle(SocketChannel client) {
        try (client) {
            // the folder is private already; the peer's user is checked as well, as sshd checks its agent's
            if (!client.getOption(ExtendedSocketOptions.SO_PEERCRED).user().equals(Files.getOwner(dir))) {
                return;
            }
            DataInputStream req = new DataInputStream(new ByteArrayInputStream(receive(client)));
            if (req.readInt() != DaemonClient.VERSION) {
                reply(client, DaemonClient.OTHER_SETTINGS);
                return;
            }
            switch (req.readUTF()) {
                case "run" -> run(client, req);
                case "status" -> {
                    reply(client, DaemonClient.ACCEPTED);
                    frame(client, DaemonClient.OUT, status().getBytes(StandardCharsets.UTF_8));
                    sendExit(client, 0);
                }
                case "stop" -> {
                    reply(client, DaemonClient.ACCEPTED);
                    frame(client, DaemonClient.OUT, ("stopped the daemon " + ProcessHandle.current().pid() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    sendExit(client, 0);
                    log.println("daemon: stopped by ./fwi daemon stop");
                    if (!busy.compareAndSet(false, true)) {
                        // mid-run: stopped as a killed process, with no more output
                        stopListening();
                        Runtime.getRuntime().halt(0);
                    }
                    exit(0);
                }
                default -> reply(client, DaemonClient.OTHER_SETTINGS);
            }
        } catch (IOException e) {
            log.println("daemon: a client: " + e);
        }
    }

    private String status() {
        long now = System.nanoTime();
        long resident = residentBytes();
        return String.format("daemon %d of %s: up %.0f s, %d runs served, %s, stops after %d s idle%n"
                        + "heap committed %.0f MB, resident %s%nsocket %s%n", ProcessHandle.current().pid(), home,
                (System.currentTimeMillis() - startedMillis) / 1e3, runs,
                busy.get() ? "running one now" : String.format("idle for %.0f s", (now - lastUsed) / 1e9),
                idleNanos / 1_000_000_000L, Runtime.getRuntime().totalMemory() / 1e6,
                resident < 0 ? "unknown" : String.format("%.0f MB", resident / 1e6),
                dir.resolve(DaemonClient.SOCKET));
    }

    /** What the process holds in memory now (Linux: VmRSS), or -1 when unknown. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private void run(SocketChannel client, DataInputStream req) throws IOException {
        String javaHome = req.readUTF();
        Path cwd = Path.of(req.readUTF());
        String tty = req.readUTF();
        long clientStarted = req.readLong();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = req.readInt(); i > 0; i--) {
            env.put(DaemonClient.readLong(req), DaemonClient.readLong(req));
        }
        String[] args = new String[req.readInt()];
        for (int i = 0; i < args.length; i++) {
            args[i] = DaemonClient.readLong(req);
        }
        boolean mine = busy.compareAndSet(false, true);
        // a run that has ended but whose memory is still being given back: the next waits for that, not a fresh JVM
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!mine && cleaning && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                break;
            }
            mine = busy.compareAndSet(false, true);
        }
        if (!mine) {
            reply(client, DaemonClient.BUSY);
            return;
        }
        try {
            if (!fingerprint.equals(fingerprint())) {
                // a rebuild or a plugin added: this process holds the old classes, so it makes way for a new one
                log.println("daemon: the installation's bundles changed since it started, stopping");
                stopListening();
                reply(client, DaemonClient.STALE);
                exit(0);
            }
            // the run starts when its client did: the time a user waits before the task, as a fresh JVM's start-up
            long started = System.nanoTime() - Math.max(0, System.currentTimeMillis() - clientStarted) * 1_000_000L;
            Main main = new Main(home, started, cwd, framework, Map.of("served_by", "daemon", "daemon_runs", runs + 1));
            String other = otherSettings(javaHome, env, cwd, args);
            if (other == PLUGIN_FOLDERS) {
                log.println("daemon: a run with other plugin folders goes to a fresh JVM");
                reply(client, DaemonClient.OTHER_SETTINGS);
                return;
            }
            if (other != null) {
                // the latest settings win: a user who changed them once is served again from the next run on
                log.println("daemon: a run with other settings (" + other + "), stopping for a daemon with them");
                stopListening();
                reply(client, DaemonClient.STALE);
                exit(0);
            }
            reply(client, DaemonClient.ACCEPTED);
            runs++;
            serveRun(client, main, tty, args);
        } finally {
            lastUsed = System.nanoTime();
            busy.set(false);
            cleaning = false;
        }
    }

    /**
     * Why this daemon would not run it as a fresh JVM would: another JVM or environment (a
     * daemon started with them will), or other plugin folders ({@link #PLUGIN_FOLDERS}: a
     * fresh JVM will); null: it would.
     */
    private String otherSettings(String javaHome, Map<String, String> env, Path cwd, String[] args) {
        if (!javaHome.equals(System.getProperty("java.home"))) {
            return "java " + javaHome;
        }
        if (!relevant(env).equals(environment)) {
            return "environment";
        }
        Main probe = new Main(home, 0, cwd, null, Map.of());
        try {
            new CommandLine(probe).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return null; // the run says what is wrong as a fresh JVM would
        }
        return probe.pluginDirs().equals(pluginDirs) ? null : PLUGIN_FOLDERS;
    }

    /** Runs the command with stdout and stderr sent to the client, and the client watched: gone mid-run, the daemon halts. */
    private void serveRun(SocketChannel client, Main main, String tty, String[] args) throws IOException {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watch = new Thread(() -> {
            try {
                ByteBuffer one = ByteBuffer.allocate(1);
                while (client.read(one.clear()) >= 0) {
                    // the client sends nothing after its request: only its end matters
                }
            } catch (IOException e) {
                // closed: the same as its end
            }
            if (running.get()) {
                // as if the run's process had been killed: no more output, no more files
                stopListening();
                Runtime.getRuntime().halt(137);
            }
        }, "seiche-daemon-watch");
        watch.setDaemon(true);
        watch.start();
        PrintStream out = new PrintStream(new Frames(client, DaemonClient.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Frames(client, DaemonClient.ERR), true, StandardCharsets.UTF_8);
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(out);
        System.setErr(err);
        System.setProperty("seiche.stderr.tty", tty);
        resetPeakRss();
        int status;
        boolean fatal = false;
        try {
            status = Main.execute(main, args);
        } catch (Throwable t) {
            // what the JVM prints for an uncaught error, and its status; the process is no longer to be trusted
            t.printStackTrace();
            status = 1;
            fatal = true;
        }
        out.flush();
        err.flush();
        System.setOut(savedOut);
        System.setErr(savedErr);
        running.set(false);
        sendExit(client, status);
        if (fatal) {
            log.println("daemon: a run failed with an error, stopping");
            exit(1);
        }
        // the run's arrays go; their pages stay committed for the next run until trim() gives them
        // back, at once when they are more than an idle daemon may hold beside the user's other work
        cleaning = true;
        System.gc();
        trimmed = false;
        if (residentBytes() > machineBytes() / 100 * keepPercent) {
            trim();
            trimmed = true;
        }
    }

    /** The process's peak resident memory starts again from now, so that summary.json's is this run's (Linux: VmHWM). */
    private void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            log.println("daemon: cannot reset the peak resident memory (" + e.getMessage() + ")");
        }
    }

    private static byte[] receive(SocketChannel ch) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(4);
        readFully(ch, length);
        ByteBuffer body = ByteBuffer.allocate(length.flip().getInt());
        readFully(ch, body);
        return body.array();
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new java.io.EOFException("the client closed before its request ended");
            }
        }
    }

    private static void reply(SocketChannel ch, byte reply) throws IOException {
        write(ch, ByteBuffer.wrap(new byte[] {reply}));
    }

    private static void sendExit(SocketChannel ch, int status) throws IOException {
        write(ch, ByteBuffer.allocate(5).put(DaemonClient.EXIT).putInt(status).flip());
    }

    private static void frame(SocketChannel ch, byte kind, byte[] data) throws IOException {
        write(ch, ByteBuffer.allocate(5 + data.length).put(kind).putInt(data.length).put(data).flip());
    }

    /** Whole frames only: stdout and stderr of a run are written from several threads. */
    private static void write(SocketChannel ch, ByteBuffer b) throws IOException {
        synchronized (ch) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /** A run's stdout or stderr: every write a frame to the client. */
    private static final class Frames extends OutputStream {
        private final SocketChannel ch;
        private final byte kind;

        Frames(SocketChannel ch, byte kind) {
            this.ch = ch;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                Daemon.write(ch, ByteBuffer.allocate(5 + len).put(kind).putInt(len).put(b, off, len).flip());
            }
        }
    }
}
