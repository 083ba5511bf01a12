package org.seiche.executor.hazelcast;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;

import org.osgi.service.component.annotations.Component;
import org.seiche.api.Pipeline;
import org.seiche.api.ShotExecutor;

/**
 * executor: {name: hazelcast, cluster: NAME, join: [host:port, ...], local: true,
 * reissue_after: 60 s, bind: HOST}: a run's shots go to the members of a Hazelcast cluster
 * (and this process, with local: true); ./fwi member makes a process one of those members.
 */
@Component(service = ShotExecutor.class, property = ShotExecutor.PROPERTY + "=hazelcast")
public final class HazelcastExecutor implements ShotExecutor {
    @Override
    public String name() {
        return "hazelcast";
    }

    @Override
    public Set<String> options() {
        return Settings.KEYS;
    }

    @Override
    public Session open(Map<String, Object> config) {
        Settings settings = Settings.coordinator(config);
        return new Coordinator(settings, Secret.fromEnvironment(System.getenv()));
    }

    /** Joins the cluster as a member and runs the shot work coordinators send until the process is stopped. */
    @Override
    public int serve(Map<String, Object> config, Pipeline pipeline) {
        Settings settings = Settings.member(config);
        Secret secret = Secret.fromEnvironment(System.getenv());
        String name = settings.bindHost() + ":" + settings.bindPort();
        var bundles = Cluster.bundles();
        Worker worker = new Worker(pipeline, settings.threads(), secret, bundles, name, System.err);
        HazelcastInstance hz = Cluster.start(settings, Cluster.MEMBER, secret, worker);
        // refused at join: a member that differs from the cluster it found leaves it at once, naming the difference
        for (Member m : hz.getCluster().getMembers()) {
            if (m.localMember()) {
                continue;
            }
            String why = Cluster.refusal(m, secret, settings.cluster(), bundles, "member " + name, true);
            if (why != null) {
                System.err.println("error: member " + name + " refused to join cluster " + settings.cluster() + ": " + why);
                hz.shutdown();
                return 1;
            }
        }
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                String why = Cluster.refusal(e.getMember(), secret, settings.cluster(), bundles, "member " + name, true);
                System.err.println("member " + name + ": " + Cluster.name(e.getMember()) + " joined ("
                        + e.getMember().getAttribute(Cluster.ROLE) + ")" + (why == null ? "" : "; its work is refused: " + why));
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                System.err.println("member " + name + ": " + Cluster.name(e.getMember()) + " left");
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or SIGTERM: leave the cluster; a batch still running is run again by the coordinator elsewhere
            hz.shutdown();
            worker.close();
            stopped.countDown();
        }, "seiche-member-stop"));
        System.err.println("member " + name + " of cluster " + settings.cluster() + ": ready, " + hz.getCluster().getMembers().size()
                + " in the cluster, " + (settings.threads() == 0 ? "all cores" : settings.threads() + " threads"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
