package org.seiche.executor.hazelcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.seiche.api.SeicheException;

/**
 * One process's place in a cluster: the embedded Hazelcast instance, configured the same way
 * for coordinators and members (TCP/IP to the listed members only, bound to the address
 * given, Java serialisation limited to Hazelcast's own classes, quick failure detection), and
 * what it tells the others about itself: its role, its bundles and their versions, and proof
 * that it holds the cluster secret.
 */
final class Cluster {
    static final String EXECUTOR = "seiche-shots";
    static final String ROLE = "seiche.role";
    static final String BUNDLES = "seiche.bundles";
    static final String PROOF = "seiche.proof";
    static final String THREADS = "seiche.threads";
    static final String MEMBER = "member";
    static final String COORDINATOR = "coordinator";
    /** The user-context key under which a member's worker waits for tasks. */
    static final String WORKER = "seiche.worker";

    private Cluster() {
    }

    /** Starts this process's instance; a coordinator is a lite member (it holds no data and no task runs there). */
    static HazelcastInstance start(Settings s, String role, Secret secret, Worker worker) {
        Config config = new Config();
        config.setClusterName(s.cluster());
        config.setInstanceName("seiche-" + role + "-" + java.util.UUID.randomUUID());
        config.setClassLoader(Cluster.class.getClassLoader());
        config.setLiteMember(role.equals(COORDINATOR));
        NetworkConfig net = config.getNetworkConfig();
        net.setPort(s.bindPort() == 0 ? Settings.DEFAULT_PORT : s.bindPort());
        // a coordinator takes any free port from 5701 on; a member the one it was given
        net.setPortAutoIncrement(s.bindPort() == 0);
        net.setPortCount(200);
        net.getInterfaces().setEnabled(true).addInterface(s.bindHost());
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.join()).setConnectionTimeoutSeconds(5);
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "none"));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // a member killed is noticed in seconds, not the default minute, yet a member starved of
        // CPU by its own shots (2 cores, 4 JVMs) is not taken for dead: reissue_after covers the gap
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        // members starting together on a loaded machine need a while to agree who leads
        config.setProperty("hazelcast.max.join.seconds", "30");
        config.setProperty("hazelcast.tcp.join.port.try.count", "1");
        config.getSerializationConfig().addDataSerializableFactory(ShotTask.FACTORY_ID, ShotTask::create);
        // Java serialisation only for Hazelcast's own classes (its errors): nothing of anyone else's is ever built
        config.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                .setDefaultsDisabled(true).setWhitelist(new ClassFilter().addPrefixes("com.hazelcast.", "java.lang.")));
        config.getExecutorConfig(EXECUTOR).setPoolSize(1).setStatisticsEnabled(false);
        config.getMemberAttributeConfig().setAttribute(ROLE, role);
        config.getMemberAttributeConfig().setAttribute(BUNDLES, String.join(";", bundles()));
        config.getMemberAttributeConfig().setAttribute(PROOF, proof(secret, s.cluster()));
        config.getMemberAttributeConfig().setAttribute(THREADS, Integer.toString(s.threads()));
        if (worker != null) {
            config.setUserContext(new ConcurrentHashMap<>(Map.of(WORKER, worker)));
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        // Hazelcast finds its own services through the context class loader: its bundle's
        Thread.currentThread().setContextClassLoader(Hazelcast.class.getClassLoader());
        try {
            return Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new SeicheException("executor hazelcast: cannot start on " + s.bindHost() + (s.bindPort() == 0 ? "" : ":"
                    + s.bindPort()) + " (" + oneLine(e) + ")");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** This framework's bundles, "symbolic-name version", sorted: two processes that run shots alike have the same. */
    static List<String> bundles() {
        Bundle self = FrameworkUtil.getBundle(Cluster.class);
        if (self == null) {
            throw new IllegalStateException("the hazelcast executor runs inside the Seiche framework only");
        }
        List<String> out = new ArrayList<>();
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (b.getBundleId() != 0) {
                out.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        out.sort(null);
        return out;
    }

    static String proof(Secret secret, String cluster) {
        return java.util.HexFormat.of().formatHex(secret.sign(Secret.utf8("seiche cluster member"), Secret.utf8(cluster)));
    }

    /** The first difference between two bundle lists, named; null when they are the same. */
    static String difference(List<String> here, List<String> there, String hereName, String thereName) {
        Map<String, String> a = byName(here);
        Map<String, String> b = byName(there);
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        for (String name : all) {
            String va = a.get(name);
            String vb = b.get(name);
            if (va == null) {
                return "bundle " + name + " " + vb + " is on " + thereName + " but not on " + hereName;
            }
            if (vb == null) {
                return "bundle " + name + " " + va + " is on " + hereName + " but not on " + thereName;
            }
            if (!va.equals(vb)) {
                return "bundle " + name + " is " + va + " on " + hereName + " and " + vb + " on " + thereName;
            }
        }
        return null;
    }

    private static Map<String, String> byName(List<String> bundles) {
        Map<String, String> out = new TreeMap<>();
        for (String b : bundles) {
            int sp = b.lastIndexOf(' ');
            out.put(sp < 0 ? b : b.substring(0, sp), sp < 0 ? "" : b.substring(sp + 1));
        }
        return out;
    }

    static List<String> bundlesOf(Member m) {
        String v = m.getAttribute(BUNDLES);
        return v == null || v.isEmpty() ? List.of() : Arrays.asList(v.split(";"));
    }

    static String name(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /**
     * Why this process will not work with member m (its bundles and, when asked, its proof of
     * the secret), or null when it will. A coordinator checks bundles only: a member with
     * another secret refuses its tasks itself, and says so in its log.
     */
    static String refusal(Member m, Secret secret, String cluster, List<String> bundles, String hereName, boolean proofToo) {
        if (proofToo && !proof(secret, cluster).equals(m.getAttribute(PROOF))) {
            return "member " + name(m) + " does not hold this cluster's secret (wrong SEICHE_CLUSTER_SECRET)";
        }
        String d = difference(bundles, bundlesOf(m), hereName, "member " + name(m));
        return d == null ? null : "member " + name(m) + " runs other bundles: " + d;
    }
}
