package org.seiche.pipeline;

import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;
import org.seiche.pipeline.file.Services;

/**
 * The default executor: every batch in this process, one after another (each batch's shots
 * run in parallel on the device's threads), results handed on as they come, in batch order.
 */
@Component(service = ShotExecutor.class, property = ShotExecutor.PROPERTY + "=local")
public final class LocalShotExecutor implements ShotExecutor {
    /** The one session this executor has: it holds nothing. */
    public static final Session SESSION = new Session() {
        @Override
        public void run(ShotWork work, ShotRunner here, Consumer<ShotResult> inOrder) {
            for (int b = 0; b < work.batches().length; b++) {
                inOrder.accept(here.run(b));
            }
        }

        @Override
        public void close() {
            // nothing was opened
        }
    };

    /** A registry of services holding this executor, there before (and whatever) the framework registers. */
    public static Services registry() {
        Services s = new Services();
        s.executors.put("local", new LocalShotExecutor());
        return s;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Session open(Map<String, Object> config) {
        if (!config.isEmpty()) {
            throw new SeicheException("executor: local takes no settings, got " + String.join(", ", config.keySet()));
        }
        return SESSION;
    }
}
