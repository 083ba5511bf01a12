package org.seiche.api;

import java.util.List;
import java.util.function.IntFunction;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs groups of shots: local threads now, many machines later. Results come back in task
 * order so that reductions are deterministic whatever ran where. Registered with the
 * property {@code executor.name}.
 */
@ConsumerType
public interface ShotExecutor {
    String PROPERTY = "executor.name";

    String name();

    <R> List<R> run(int tasks, IntFunction<R> task, Device device);
}
