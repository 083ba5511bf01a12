package org.seiche.pipeline.file;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

import org.seiche.api.Device;
import org.seiche.api.Loss;
import org.seiche.api.Mapping;
import org.seiche.api.Named;
import org.seiche.api.Optimiser;
import org.seiche.api.Propagator;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;

/**
 * The services the framework has found, by kind and name: what a pipeline file's names and
 * keys are checked against as it is read, and what the runner resolves them to.
 */
public final class Services {
    public final Map<String, Propagator> propagators = new ConcurrentSkipListMap<>();
    public final Map<String, Device> devices = new ConcurrentSkipListMap<>();
    public final Map<String, Loss> losses = new ConcurrentSkipListMap<>();
    public final Map<String, Mapping> mappings = new ConcurrentSkipListMap<>();
    public final Map<String, Optimiser> optimisers = new ConcurrentSkipListMap<>();
    public final Map<String, ShotExecutor> executors = new ConcurrentSkipListMap<>();

    /** The instance given, or the service of that name, or a message listing what there is. */
    public static <T> T resolve(String field, Named<T> named, Map<String, T> available) {
        if (named.instance() != null) {
            return named.instance();
        }
        T found = available.get(named.name());
        if (found == null) {
            throw new SeicheException(field + ": no service named '" + named.name() + "' (available: "
                    + (available.isEmpty() ? "none" : String.join(", ", new TreeMap<>(available).keySet())) + ")");
        }
        return found;
    }

    /**
     * "auto" = the available device of highest priority that the propagator has kernels for;
     * a named one must be available and have them (a propagator that names no kernel devices
     * runs on any).
     */
    public Device device(Named<Device> named, int threads, Propagator propagator) {
        Set<String> kernels = propagator.kernelDevices();
        Predicate<String> hasKernels = name -> kernels.isEmpty() || kernels.contains(name);
        Device d;
        if (isAuto(named)) {
            d = devices.values().stream().filter(x -> x.unavailableReason() == null && hasKernels.test(x.name()))
                    .max(java.util.Comparator.comparingInt(Device::priority))
                    .orElseThrow(() -> new SeicheException("device: auto found no available device with kernels for the "
                            + propagator.name() + " propagator (have: " + String.join(", ", devices.keySet())
                            + "; kernels for: " + String.join(", ", kernels) + ")"));
        } else {
            d = resolve("device", named, devices);
            if (d.unavailableReason() != null) {
                throw new SeicheException("device: " + d.name() + " is not available here (" + d.unavailableReason() + ")");
            }
            if (!hasKernels.test(d.name())) {
                throw new SeicheException("device: the " + propagator.name() + " propagator has no kernel for device '"
                        + d.name() + "' (kernels for: " + String.join(", ", kernels) + ")");
            }
        }
        if (threads < 0) {
            throw new SeicheException("threads: must be at least 1, got " + threads);
        }
        return threads > 0 ? d.withThreads(threads) : d;
    }

    public static boolean isAuto(Named<Device> named) {
        return named.instance() == null && "auto".equals(named.name());
    }
}
