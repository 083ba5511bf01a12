package org.seiche.executor.hazelcast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

import org.seiche.api.SeicheException;
import org.seiche.api.ShotExecutor;
import org.seiche.api.ShotResult;
import org.seiche.api.ShotRunner;
import org.seiche.api.ShotWork;

/**
 * The coordinator's side during one run: hands each batch to an idle member (and, with
 * local: true, to this process), one batch per member at a time; a batch whose member left
 * or refused goes to another; a batch running longer than reissue_after is given to an idle
 * worker as well and the first result wins. Results are handed on in batch order, so the
 * pipeline's sums are the same bits as on one machine.
 */
final class Coordinator implements ShotExecutor.Session {
    private static final String HERE = "local";
    private static final long POLL_MS = 100;
    private final Settings settings;
    private final Secret secret;
    private final HazelcastInstance hz;
    private final IExecutorService executor;
    private final List<String> bundles;
    private final String self;
    private final String bundleList;
    /** What happened that a user may want to know (members not used, batches lost or run twice): summary.json's executor_notes. */
    private final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Members by id and why the ones not used are not, said once each. */
    private final Map<UUID, String> refused = new LinkedHashMap<>();
    /** Who has which pipeline image and work already (by member id). */
    private final Map<UUID, Set<String>> holds = new LinkedHashMap<>();
    private final Map<String, long[]> shotsByWorker = new LinkedHashMap<>();
    private final Map<String, double[]> secondsByWorker = new LinkedHashMap<>();
    private final ExecutorService localThread;
    private long bytesSent;
    private long bytesReceived;
    private int pieces;

    Coordinator(Settings settings, Secret secret) {
        this.settings = settings;
        this.secret = secret;
        this.bundles = Cluster.bundles();
        this.bundleList = String.join(";", bundles);
        this.hz = Cluster.start(settings, Cluster.COORDINATOR, secret, null);
        this.executor = hz.getExecutorService(Cluster.EXECUTOR);
        this.self = Cluster.name(hz.getCluster().getLocalMember());
        this.localThread = settings.local() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seiche-local-shots");
            t.setDaemon(true);
            return t;
        }) : null;
        if (!settings.local() && members().isEmpty()) {
            // members may still be joining: give them a moment before saying there are none
            long until = System.nanoTime() + 10_000_000_000L;
            while (members().isEmpty() && refused.isEmpty() && System.nanoTime() < until) {
                sleep(200);
            }
            if (members().isEmpty()) {
                String reason = noMember();
                close();
                throw new SeicheException(reason);
            }
        }
    }

    /** The members that take this coordinator's work now (asked from the run's thread and, for the bar, this process's shots). */
    private synchronized List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember() || m.isLiteMember() || !Cluster.MEMBER.equals(m.getAttribute(Cluster.ROLE))
                    || refused.containsKey(m.getUuid()) && refused.get(m.getUuid()) != null) {
                continue;
            }
            if (!refused.containsKey(m.getUuid())) {
                String why = Cluster.refusal(m, secret, settings.cluster(), bundles, "coordinator " + self, false);
                refused.put(m.getUuid(), why);
                if (why != null) {
                    notes.add("not using " + why);
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }

    private synchronized String noMember() {
        List<String> why = refused.values().stream().filter(r -> r != null).toList();
        return "executor hazelcast: no member of cluster " + settings.cluster() + " accepts the work and local: false keeps it off"
                + " this process (" + (why.isEmpty() ? "none joined from " + (settings.join().isEmpty() ? "an empty join list"
                : String.join(", ", settings.join())) : String.join("; ", why)) + ")";
    }

    /** What one worker (a member, or this process) is doing. */
    private static final class Slot {
        final Member member;
        final String name;
        int batch = -1;
        long since;

        Slot(Member member, String name) {
            this.member = member;
            this.name = name;
        }
    }

    /** A batch's outcome from a slot: a reply's bytes, a local result, or a failure. */
    private record Event(Slot slot, int batch, byte[] reply, ShotResult local, Throwable failure) {
    }

    @Override
    public void run(ShotWork work, ShotRunner here, Consumer<ShotResult> inOrder) {
        int n = work.batches().length;
        byte[] workBytes = work.toBytes();
        String workId = UUID.randomUUID().toString();
        pieces++;
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int b = 0; b < n; b++) {
            pending.add(b);
        }
        ShotResult[] results = new ShotResult[n];
        boolean[] finished = new boolean[n];
        Map<Integer, List<Slot>> running = new LinkedHashMap<>();
        Map<UUID, Slot> slots = new LinkedHashMap<>();
        Slot local = localThread == null ? null : new Slot(null, HERE);
        Future<?> localRun = null;
        int next = 0;
        try {
            while (next < n) {
                // members that joined take work from now on; one gone from the cluster, or refused, takes no more
                Set<UUID> usable = new HashSet<>();
                for (Member m : members()) {
                    usable.add(m.getUuid());
                    slots.computeIfAbsent(m.getUuid(), id -> new Slot(m, Cluster.name(m)));
                }
                slots.values().removeIf(s -> s.batch < 0 && !usable.contains(s.member.getUuid()));
                List<Slot> idle = new ArrayList<>();
                slots.values().stream().filter(s -> s.batch < 0).forEach(idle::add);
                if (local != null && local.batch < 0) {
                    idle.add(local);
                }
                for (Slot s : idle) {
                    int b = nextBatch(pending, running, finished, s);
                    if (b < 0) {
                        break;
                    }
                    s.batch = b;
                    s.since = System.nanoTime();
                    running.computeIfAbsent(b, k -> new ArrayList<>()).add(s);
                    if (s == local) {
                        localRun = localThread.submit(() -> {
                            try {
                                events.add(new Event(local, b, null, here.run(b), null));
                            } catch (RuntimeException | Error e) {
                                events.add(new Event(local, b, null, null, e));
                            }
                        });
                    } else {
                        send(s, b, work, workBytes, workId, events);
                    }
                }
                if (running.values().stream().allMatch(List::isEmpty) && !pending.isEmpty()) {
                    throw new SeicheException(noMember());
                }
                Event e = events.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (e != null) {
                    handle(e, workId, work.batches()[e.batch()].length, pending, running, results, finished);
                }
                while (next < n && finished[next]) {
                    inOrder.accept(results[next]);
                    // handed on: the pipeline holds it now
                    results[next] = null;
                    next++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeicheException("executor hazelcast: interrupted");
        } finally {
            // the runner is the caller's to close: wait until this process's batch, if any, is over
            if (localRun != null) {
                try {
                    localRun.get();
                } catch (Exception ignored) {
                    // its outcome was handled, or the run already failed
                }
            }
        }
    }

    /** The next pending batch, else one that has run longer than reissue_after elsewhere (the oldest), else -1. */
    private int nextBatch(Deque<Integer> pending, Map<Integer, List<Slot>> running, boolean[] finished, Slot s) {
        Integer b = pending.poll();
        if (b != null) {
            return b;
        }
        long now = System.nanoTime();
        int oldest = -1;
        long oldestSince = Long.MAX_VALUE;
        for (Map.Entry<Integer, List<Slot>> e : running.entrySet()) {
            List<Slot> on = e.getValue();
            if (finished[e.getKey()] || on.size() != 1 || on.contains(s)) {
                continue;
            }
            long since = on.get(0).since;
            if ((now - since) / 1e9 > settings.reissueAfterSeconds() && since < oldestSince) {
                oldest = e.getKey();
                oldestSince = since;
            }
        }
        if (oldest >= 0) {
            notes.add(String.format("batch %d had run %.0f s on %s; %s ran it too", oldest, (now - oldestSince) / 1e9,
                    running.get(oldest).get(0).name, s.name));
        }
        return oldest;
    }

    private void send(Slot s, int b, ShotWork work, byte[] workBytes, String workId, BlockingQueue<Event> events) {
        Set<String> has = holds.computeIfAbsent(s.member.getUuid(), k -> new HashSet<>());
        ShotTask task = new ShotTask();
        task.from = self;
        task.bundles = bundleList;
        task.workId = workId;
        task.batch = b;
        task.imageId = work.pipeline().id();
        if (!has.contains(workId)) {
            task.work = workBytes;
        }
        if (!has.contains(task.imageId)) {
            task.image = work.pipeline().bytes();
        }
        task.mac = secret.sign(task.signed());
        bytesSent += task.work.length + task.image.length + 256;
        has.add(workId);
        has.add(task.imageId);
        executor.submitToMember(task, s.member, new ExecutionCallback<byte[]>() {
            @Override
            public void onResponse(byte[] reply) {
                events.add(new Event(s, b, reply, null, null));
            }

            @Override
            public void onFailure(Throwable t) {
                events.add(new Event(s, b, null, null, t));
            }
        });
    }

    private void handle(Event e, String workId, int shots, Deque<Integer> pending, Map<Integer, List<Slot>> running, ShotResult[] results,
                        boolean[] finished) {
        Slot s = e.slot();
        int b = e.batch();
        s.batch = -1;
        List<Slot> on = running.get(b);
        on.remove(s);
        ShotResult r = e.local();
        if (e.failure() != null) {
            if (s.member == null) {
                // this process's own run failed: it would fail anywhere
                throw e.failure() instanceof RuntimeException re ? re : new SeicheException(e.failure().toString());
            }
            notes.add("member " + s.name + " lost batch " + b + " (" + Cluster.oneLine(e.failure()) + ")");
            holds.remove(s.member.getUuid());
            requeue(b, pending, on, finished);
            return;
        }
        if (r == null) {
            bytesReceived += e.reply().length;
            Reply reply = Reply.read(e.reply(), secret, workId, b);
            switch (reply.kind()) {
                case ERROR -> throw new SeicheException(reply.message());
                case REFUSED -> {
                    String why = "member " + s.name + " refused the work: " + reply.message();
                    notes.add(why);
                    synchronized (this) {
                        refused.put(s.member.getUuid(), why);
                    }
                    requeue(b, pending, on, finished);
                    return;
                }
                case MISSING -> {
                    holds.remove(s.member.getUuid());
                    requeue(b, pending, on, finished);
                    return;
                }
                case RESULT -> r = ShotResult.fromBytes(reply.payload());
            }
        }
        if (!finished[b]) {
            finished[b] = true;
            results[b] = r;
            shotsByWorker.computeIfAbsent(s.name, k -> new long[1])[0] += shots;
            secondsByWorker.computeIfAbsent(s.name, k -> new double[1])[0] += r.seconds();
        }
    }

    private static void requeue(int b, Deque<Integer> pending, List<Slot> stillOn, boolean[] finished) {
        if (!finished[b] && stillOn.isEmpty()) {
            pending.addFirst(b);
        }
    }

    @Override
    public Map<String, Object> report() {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shotsByWorker.entrySet()) {
            members.put(e.getKey(), Map.of("shots", e.getValue()[0], "seconds", secondsByWorker.get(e.getKey())[0]));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", members);
        out.put("cluster", settings.cluster());
        out.put("bytes_sent", bytesSent);
        out.put("bytes_received", bytesReceived);
        out.put("work_pieces", pieces);
        if (!notes.isEmpty()) {
            out.put("executor_notes", List.copyOf(notes));
        }
        return out;
    }

    @Override
    public String progressLabel() {
        int n = members().size();
        return n + (n == 1 ? " member" : " members") + (settings.local() ? " + this process" : "");
    }

    @Override
    public void close() {
        if (localThread != null) {
            localThread.shutdownNow();
        }
        hz.shutdown();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
