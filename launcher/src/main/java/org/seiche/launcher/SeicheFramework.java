package org.seiche.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.seiche.api.Pipeline;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.bench.BenchHost;

/**
 * Embedded Apache Felix: installs and starts the built-in bundles and every jar of the
 * plugin folders, remembering the ones that fail (the rest keeps working). The api
 * package is exported by the system bundle, so code outside the framework (this launcher,
 * a program embedding Seiche) and every bundle share one copy of it.
 */
public final class SeicheFramework implements BenchHost.Running {
    /** The api package as the api jar on the class path exports it (its package-info's version). */
    static final String API_EXPORT = apiExport();
    private static final long SERVICE_WAIT_MS = 20_000;

    private final Framework framework;
    private final Path storage;
    private final List<String> problems;
    /** Whether closing this stops the framework: not for a view lent to one run of the daemon. */
    private final boolean owner;

    private SeicheFramework(Framework framework, Path storage, List<String> problems, boolean owner) {
        this.framework = framework;
        this.storage = storage;
        this.problems = problems;
        this.owner = owner;
    }

    /** The same started framework for one run, whose close leaves it running (the daemon keeps it). */
    SeicheFramework lent() {
        return new SeicheFramework(framework, storage, problems, false);
    }

    /** Export-Package of the api bundle on the class path (one package), read rather than repeated here. */
    private static String apiExport() {
        try {
            var manifests = org.seiche.api.Model.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (var in = manifests.nextElement().openStream()) {
                    String export = new java.util.jar.Manifest(in).getMainAttributes().getValue("Export-Package");
                    if (export != null && export.startsWith("org.seiche.api;")) {
                        return export;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class path's manifests", e);
        }
        throw new IllegalStateException("no manifest on the class path exports org.seiche.api");
    }

    /** Starts the framework with the bundles of bundleDir and of every plugin folder. */
    public static SeicheFramework start(Path bundleDir, List<Path> pluginDirs) {
        Path storage;
        try {
            storage = Files.createTempDirectory("seiche-felix");
        } catch (IOException e) {
            throw new SeicheException("cannot create the framework's cache folder: " + e.getMessage());
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the SIMD kernels import the Vector API optionally: export it when the JVM has it
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, vector ? API_EXPORT + ",jdk.incubator.vector" : API_EXPORT);
        config.put("felix.log.level", "1");
        // the Hazelcast bundle (executor: hazelcast) logs its activation and every start through
        // java.util.logging: quiet, as the rest, unless SEICHE_DEBUG asks or the caller chose
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", System.getenv("SEICHE_DEBUG") == null ? "none" : "jdk");
        }
        config.put("ds.loglevel", "error");
        Framework fw = new FrameworkFactory().newFramework(config);
        SeicheFramework sf = new SeicheFramework(fw, storage, new ArrayList<>(), true);
        try {
            fw.start();
        } catch (BundleException e) {
            sf.close();
            throw new SeicheException("cannot start the OSGi framework: " + e.getMessage());
        }
        List<Bundle> installed = new ArrayList<>();
        sf.installAll(bundleDir, installed, true);
        for (Path dir : pluginDirs) {
            sf.installAll(dir, installed, false);
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                sf.problems.add(label(b) + ": " + oneLine(e.getMessage()));
            }
        }
        return sf;
    }

    private void installAll(Path dir, List<Bundle> installed, boolean required) {
        if (!Files.isDirectory(dir)) {
            if (required) {
                throw new SeicheException("bundles folder " + dir + " is missing: build the launcher (mvn install)");
            }
            problems.add("plugins folder " + dir + ": does not exist");
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new SeicheException(dir + ": cannot list (" + e.getMessage() + ")");
        }
        BundleContext ctx = framework.getBundleContext();
        for (Path jar : jars) {
            try {
                installed.add(ctx.installBundle("reference:" + jar.toUri()));
            } catch (BundleException | RuntimeException e) {
                problems.add(jar.getFileName() + ": not installed: " + oneLine(e.getMessage()));
            }
        }
    }

    private static String label(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown failure" : s.replaceAll("\\s+", " ").trim();
    }

    /** Bundles that failed to install, resolve or start, with the reason. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The pipeline runtime, waiting briefly for Declarative Services to register it. */
    public Pipeline pipeline() {
        return waitFor(new ServiceTracker<>(context(), Pipeline.class, null), "the pipeline runtime did not start");
    }

    /** The shot executor of that name, waiting briefly for Declarative Services to register it. */
    public ShotExecutor executor(String name) {
        try {
            var filter = context().createFilter("(&(objectClass=" + ShotExecutor.class.getName() + ")(" + ShotExecutor.PROPERTY
                    + "=" + name + "))");
            return waitFor(new ServiceTracker<ShotExecutor, ShotExecutor>(context(), filter, null),
                    "no shot executor named '" + name + "' started");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new SeicheException("executor: '" + name + "' is not an executor name");
        }
    }

    private <T> T waitFor(ServiceTracker<T, T> tracker, String failure) {
        tracker.open();
        try {
            T service = tracker.waitForService(SERVICE_WAIT_MS);
            if (service == null) {
                throw new SeicheException(failure + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("interrupted while starting");
        }
    }

    /** One discovered service: its kind, name, the bundle providing it and, for devices and propagators, a note. */
    public record ServiceInfo(String kind, String name, String bundle, String note) {
    }

    static final String[][] KINDS = {
        {"propagator", "propagator.name", "org.seiche.api.Propagator"},
        {"device", "device.name", "org.seiche.api.Device"},
        {"loss", "loss.name", "org.seiche.api.Loss"},
        {"mapping", "mapping.name", "org.seiche.api.Mapping"},
        {"optimiser", "optimiser.name", "org.seiche.api.Optimiser"},
        {"executor", "executor.name", "org.seiche.api.ShotExecutor"},
    };

    /** Every propagator, device, loss, mapping, optimiser and shot executor registered now. */
    public List<ServiceInfo> services() {
        pipeline(); // Declarative Services has processed the bundles once the runtime is up
        List<ServiceInfo> out = new ArrayList<>();
        for (String[] kind : KINDS) {
            try {
                ServiceReference<?>[] refs = context().getAllServiceReferences(kind[2], null);
                if (refs == null) {
                    continue;
                }
                for (ServiceReference<?> r : refs) {
                    Object name = r.getProperty(kind[1]);
                    String note = "";
                    if (kind[0].equals("propagator")) {
                        org.seiche.api.Propagator p = (org.seiche.api.Propagator) context().getService(r);
                        if (p != null) {
                            Set<String> kernels = p.kernelDevices();
                            note = kernels.isEmpty() ? "" : "kernels for: " + String.join(", ", kernels);
                            context().ungetService(r);
                        }
                    }
                    if (kind[0].equals("device")) {
                        org.seiche.api.Device d = (org.seiche.api.Device) context().getService(r);
                        if (d != null) {
                            note = d.unavailableReason() == null ? d.threads() + " threads"
                                    : "unavailable: " + d.unavailableReason();
                            context().ungetService(r);
                        }
                    }
                    out.add(new ServiceInfo(kind[0], String.valueOf(name), label(r.getBundle()), note));
                }
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        out.addAll(kernels());
        out.sort(Comparator.comparing(ServiceInfo::kind).thenComparing(ServiceInfo::name));
        return out;
    }

    /** Every propagator's kernel for a device (any service with the kernel property), named propagator/device. */
    private List<ServiceInfo> kernels() {
        List<ServiceInfo> out = new ArrayList<>();
        try {
            ServiceReference<?>[] refs = context().getAllServiceReferences(null,
                    "(" + org.seiche.api.Propagator.KERNEL_PROPERTY + "=*)");
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                Object propagators = r.getProperty(org.seiche.api.Propagator.KERNEL_PROPERTY);
                for (Object p : propagators instanceof String[] many ? many : new Object[] {propagators}) {
                    out.add(new ServiceInfo("kernel", p + "/" + r.getProperty(org.seiche.api.Device.PROPERTY),
                            label(r.getBundle()), ""));
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        if (!owner) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            // stopping is best effort: the process is ending
        }
        try (Stream<Path> all = Files.walk(storage)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover cache folder in the temp directory is harmless
        }
    }
}
