package org.seiche.executor.hazelcast;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seiche.api.Pipeline;
import org.seiche.api.PipelineImage;
import org.seiche.api.SeicheException;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;

/**
 * A member's side: checks each task (the cluster secret, the coordinator's bundles), keeps
 * the pipelines and work it was sent (and the runner of the latest work, so its batches
 * share one prepared simulation), runs the batch and answers. One task at a time.
 */
final class Worker {
    private static final int KEEP = 2;
    private final Pipeline pipeline;
    private final int threads;
    private final Secret secret;
    private final List<String> bundles;
    private final String name;
    private final PrintStream log;
    private final Map<String, byte[]> images = lru();
    private final Map<String, ShotRunner> runners = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ShotRunner> eldest) {
            if (size() > KEEP) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private int batches;

    Worker(Pipeline pipeline, int threads, Secret secret, List<String> bundles, String name, PrintStream log) {
        this.pipeline = pipeline;
        this.threads = threads;
        this.secret = secret;
        this.bundles = bundles;
        this.name = name;
        this.log = log;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEEP;
            }
        };
    }

    synchronized byte[] run(ShotTask task) {
        if (!secret.verifies(task.mac, task.signed())) {
            log.println("member " + name + ": refused a task from " + task.from + ": not signed with this cluster's secret");
            return Reply.refused("member " + name + " holds another cluster secret (wrong SEICHE_CLUSTER_SECRET)");
        }
        String difference = Cluster.difference(bundles, Arrays.asList(task.bundles.split(";")), "member " + name,
                "coordinator " + task.from);
        if (difference != null) {
            log.println("member " + name + ": refused a task from " + task.from + ": " + difference);
            return Reply.refused(difference);
        }
        long t0 = System.nanoTime();
        try {
            if (task.image.length > 0) {
                images.put(task.imageId, task.image);
            }
            ShotRunner runner = runners.get(task.workId);
            if (runner == null) {
                byte[] image = images.get(task.imageId);
                if (task.work.length == 0 || image == null) {
                    return Reply.missing();
                }
                ShotWork work = ShotWork.fromBytes(task.work, id -> new PipelineImage(id, () -> image));
                log.println("member " + name + ": work from " + task.from + ": " + work.compute().name().toLowerCase(java.util.Locale.ROOT)
                        + ", " + work.batches().length + " batches");
                runner = pipeline.shots(work, threads);
                runners.put(task.workId, runner);
            }
            ShotResult r = runner.run(task.batch);
            double seconds = (System.nanoTime() - t0) / 1e9;
            batches++;
            if (batches == 1 || batches % 50 == 0) {
                log.printf("member %s: %d batches run (latest %.2f s)%n", name, batches, seconds);
            }
            return Reply.result(secret, task.workId, task.batch, r.by(name, seconds).toBytes());
        } catch (SeicheException e) {
            return Reply.error(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.println("member " + name + ": a batch failed: " + e);
            return Reply.error("member " + name + ": internal failure: " + e);
        }
    }

    synchronized void close() {
        runners.values().forEach(ShotRunner::close);
        runners.clear();
    }
}
