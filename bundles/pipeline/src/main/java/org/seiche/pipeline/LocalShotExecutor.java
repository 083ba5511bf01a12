package org.seiche.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Device;
import org.seiche.api.ShotExecutor;

/** Runs shot groups on this machine's device threads; results in task order. */
@Component(service = ShotExecutor.class, property = ShotExecutor.PROPERTY + "=local")
public final class LocalShotExecutor implements ShotExecutor {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public <R> List<R> run(int tasks, IntFunction<R> task, Device device) {
        Object[] results = new Object[tasks];
        device.parallel(tasks, i -> results[i] = task.apply(i));
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
        return out;
    }
}
