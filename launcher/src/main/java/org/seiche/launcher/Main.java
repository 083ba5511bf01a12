package org.seiche.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.seiche.api.Pipeline;
import org.seiche.api.PipelineSpec;
import org.seiche.api.SeicheException;
import org.seiche.bench.Bench;
import org.seiche.bench.BenchHost;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** The fwi command line. */
@Command(name = "fwi", mixinStandardHelpOptions = true, version = "Seiche 0.1.0",
        description = "Differentiable seismic wave propagation and full-waveform inversion.",
        subcommands = {Main.Run.class, Main.Member.class, Main.Plugins.class, Bench.class, SegyCommand.class, DaemonCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer>, BenchHost {
    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "folder of third-party bundles to install (default: plugins/ of the installation)")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "no progress output")
    boolean quiet;

    /** The option a run's spec carries with entries for summary.json: which process served it. */
    static final String SUMMARY_OPTION = "summary";

    private final Path home;
    private final long startedNanos;
    /** Where relative paths on the command line are: the process's folder, or for the daemon the client's. */
    private final Path workingDirectory;
    /** The daemon's framework, lent to the run it serves; null in a fresh JVM, which starts its own. */
    private final SeicheFramework resident;
    private final Map<String, Object> servedBy;

    Main(Path home, long startedNanos, Path workingDirectory, SeicheFramework resident, Map<String, Object> servedBy) {
        this.home = home;
        this.startedNanos = startedNanos;
        this.workingDirectory = workingDirectory;
        this.resident = resident;
        this.servedBy = servedBy;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public SeicheFramework framework() {
        if (resident != null) {
            return resident.lent();
        }
        return SeicheFramework.start(bundles(home), pluginDirs());
    }

    /** The folder of the installation's bundles. */
    static Path bundles(Path home) {
        return Path.of(System.getProperty("seiche.bundles", home.resolve("launcher/target/bundles").toString()));
    }

    /** The plugin folders of this command: --plugins (from the working directory), else the installation's plugins/ if there. */
    List<Path> pluginDirs() {
        List<Path> dirs = new ArrayList<>();
        for (Path d : pluginDirs) {
            dirs.add(workingDirectory.resolve(d));
        }
        if (dirs.isEmpty() && java.nio.file.Files.isDirectory(home.resolve("plugins"))) {
            dirs.add(home.resolve("plugins"));
        }
        return dirs;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Runs one pipeline file headless.")
    static final class Run implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "the pipeline file (YAML or JSON)")
        Path pipelineFile;

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (overrides the file's output)")
        Path out;

        @Option(names = "--device", paramLabel = "NAME", description = "device service name (overrides the file's device)")
        String device;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores)")
        Integer threads;

        @Option(names = "--resume", description = "continue an interrupted inversion from its last checkpoint")
        boolean resume;

        @Override
        public Integer call() {
            try (SeicheFramework fw = main.framework()) {
                for (String p : fw.problems()) {
                    System.err.println("warning: " + p);
                }
                Pipeline pipeline = fw.pipeline();
                // relative to the folder ./fwi was run in, which for a run the daemon serves is not the process's
                PipelineSpec.Builder b = pipeline.read(main.workingDirectory.resolve(pipelineFile)).toBuilder();
                if (out != null) {
                    b.output(main.workingDirectory.resolve(out));
                }
                if (device != null) {
                    b.device(device);
                }
                if (threads != null) {
                    if (threads < 1) {
                        throw new SeicheException("--threads: must be at least 1, got " + threads);
                    }
                    b.threads(threads);
                }
                b.quiet(main.quiet).resume(resume).option(SUMMARY_OPTION, main.servedBy);
                b.startupSeconds((System.nanoTime() - main.startedNanos) / 1e9);
                Pipeline.Result result = pipeline.run(b.build());
                // an inversion that stopped short of its iterations without converging did not do what it was asked
                if (result.summary().get("stopped") instanceof Map<?, ?> stopped && !Boolean.TRUE.equals(stopped.get("converged"))) {
                    System.err.println("error: inversion stopped at " + stopped.get("reason")
                            + " (the best model and history.json are written)");
                    return 1;
                }
                if (!main.quiet) {
                    Object loss = result.summary().get("loss");
                    System.err.printf("%s done in %.2f s%s%n", result.summary().get("task"), result.summary().get("seconds"),
                            loss == null ? "" : ", loss " + loss);
                }
                return 0;
            }
        }
    }

    @Command(name = "member", mixinStandardHelpOptions = true, description = "Runs shots for coordinators of a cluster "
            + "(executor: hazelcast) until stopped (Ctrl-C or SIGTERM); the cluster secret comes from SEICHE_CLUSTER_SECRET_FILE "
            + "or SEICHE_CLUSTER_SECRET.")
    static final class Member implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--cluster", paramLabel = "NAME", description = "the cluster's name (default: seiche)")
        String cluster;

        @Option(names = "--bind", paramLabel = "HOST:PORT", description = "the address to listen on (default: 127.0.0.1:5701)")
        String bind;

        @Option(names = "--join", paramLabel = "HOST:PORT,...", description = "other members to join (TCP/IP; no multicast)")
        String join;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads per batch (default: all cores)")
        Integer threads;

        @Option(names = "--executor", paramLabel = "NAME", description = "the executor service whose member this is (default: hazelcast)")
        String executor = "hazelcast";

        @Override
        public Integer call() {
            if (threads != null && threads < 1) {
                throw new SeicheException("--threads: must be at least 1, got " + threads);
            }
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            if (cluster != null) {
                config.put("cluster", cluster);
            }
            if (bind != null) {
                config.put("bind", bind);
            }
            if (join != null) {
                config.put("join", join);
            }
            config.put("threads", threads == null ? 0 : threads);
            try (SeicheFramework fw = main.framework()) {
                for (String p : fw.problems()) {
                    System.err.println("warning: " + p);
                }
                return fw.executor(executor).serve(config, fw.pipeline());
            }
        }
    }

    @Command(name = "plugins", mixinStandardHelpOptions = true, description = "Lists the propagators, devices, losses, mappings, optimisers and "
            + "shot executors found at runtime, with the bundle providing each.")
    static final class Plugins implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            try (SeicheFramework fw = main.framework()) {
                List<SeicheFramework.ServiceInfo> services = fw.services();
                System.out.printf("%-11s %-18s %-40s %s%n", "TYPE", "NAME", "BUNDLE", "");
                for (SeicheFramework.ServiceInfo s : services) {
                    System.out.printf("%-11s %-18s %-40s %s%n", s.kind(), s.name(), s.bundle(), s.note()).flush();
                }
                for (String p : fw.problems()) {
                    System.out.println("FAILED      " + p);
                }
                return 0;
            }
        }
    }

    /** Runs the command line in a fresh JVM and returns the exit code; errors are one line on stderr. */
    public static int execute(Path home, String... args) {
        long started = System.nanoTime();
        return execute(new Main(home, started, Path.of("").toAbsolutePath(), null, Map.of("served_by", "fresh")), args);
    }

    /** Runs the command line with main as its root command and returns the exit code; errors are one line on stderr. */
    static int execute(Main main, String... args) {
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof SeicheException) {
                err.println("error: " + ex.getMessage());
            } else {
                err.println("error: internal failure: " + ex);
                if (System.getenv("SEICHE_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // ./fwi runs the JVM under a filtering script: when that script is killed, stop too
        // (a killed run must not go on writing), as if this were the process killed
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        Path home = Path.of(System.getProperty("seiche.home", ".")).toAbsolutePath().normalize();
        System.exit(execute(home, args));
    }
}
