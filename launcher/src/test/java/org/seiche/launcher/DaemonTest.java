package org.seiche.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the daemon compares of a run's environment, its idle time, and the folder it trusts. */
class DaemonTest {
    @TempDir
    Path tmp;

    @Test
    void theEnvironmentThatChangesARunIsCompared() {
        Map<String, String> env = Map.of("SEICHE_JAVA_OPTS", "-Xmx2g", "SEICHE_CLUSTER_SECRET", "s", "LC_ALL", "C", "LANG", "C",
                "CUDA_VISIBLE_DEVICES", "0", "SEICHE_DAEMON", "on", "SEICHE_DAEMON_DIR", "/x", "SEICHE_DAEMON_IDLE", "5m",
                "SEICHE_CDS", "off", "PWD", "/somewhere");
        assertEquals(Map.of("SEICHE_JAVA_OPTS", "-Xmx2g", "SEICHE_CLUSTER_SECRET", "s", "LC_ALL", "C", "LANG", "C",
                "CUDA_VISIBLE_DEVICES", "0"), Daemon.relevant(env));
    }

    @Test
    void idleTimeInSecondsMinutesOrHours() {
        assertEquals(600, Daemon.idleSeconds(null));
        assertEquals(45, Daemon.idleSeconds("45"));
        assertEquals(30, Daemon.idleSeconds("30s"));
        assertEquals(600, Daemon.idleSeconds("10m"));
        assertEquals(7200, Daemon.idleSeconds("2h"));
    }

    @Test
    void keptMemoryIsAPercentageOfTheMachine() {
        assertEquals(33, Daemon.keepPercent(null));
        assertEquals(0, Daemon.keepPercent("0"));
        assertEquals(100, Daemon.keepPercent("100"));
        assertEquals(Map.of(), Daemon.relevant(Map.of("SEICHE_DAEMON_KEEP", "10")), "read when the daemon starts");
    }

    @Test
    void onlyAFolderOfThisUsersAloneIsTrusted() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertFalse(DaemonClient.isPrivate(open));
        Path own = Files.createDirectory(tmp.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
        assertTrue(DaemonClient.isPrivate(own));
        assertFalse(DaemonClient.isPrivate(tmp.resolve("absent")));
    }
}
