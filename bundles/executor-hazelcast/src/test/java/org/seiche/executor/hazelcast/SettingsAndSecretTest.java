package org.seiche.executor.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seiche.api.SeicheException;

class SettingsAndSecretTest {
    @TempDir
    Path dir;

    @Test
    void theExecutorBlockIsReadWithItsDefaults() {
        Settings s = Settings.coordinator(Map.of("cluster", "survey-7", "join", List.of("10.0.0.2:5702", "10.0.0.3"),
                "local", false, "reissue_after", "2 min"));
        assertEquals("survey-7", s.cluster());
        assertEquals(List.of("10.0.0.2:5702", "10.0.0.3:5701"), s.join());
        assertFalse(s.local());
        assertEquals(120, s.reissueAfterSeconds());
        assertEquals("127.0.0.1", s.bindHost());
        assertEquals(0, s.bindPort(), "a coordinator takes a free port");
        Settings d = Settings.coordinator(Map.of());
        assertEquals("seiche", d.cluster());
        assertTrue(d.local());
        assertEquals(60, d.reissueAfterSeconds());
        assertEquals(0.5, Settings.seconds("500 ms"));
        assertEquals(30, Settings.seconds(30));
        Settings m = Settings.member(Map.of("bind", "0.0.0.0:6000", "join", "a:1,b:2", "threads", 2));
        assertEquals(List.of("a:1", "b:2"), m.join());
        assertEquals(6000, m.bindPort());
        assertEquals(2, m.threads());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertEquals("executor.reissue_after: 'soon' is not a time (e.g. 60 s, 2 min)",
                assertThrows(SeicheException.class, () -> Settings.coordinator(Map.of("reissue_after", "soon"))).getMessage());
        assertEquals("executor.reissue_after: must be a positive time, got 0",
                assertThrows(SeicheException.class, () -> Settings.coordinator(Map.of("reissue_after", 0))).getMessage());
        assertEquals("executor.join: 'host:port:x' is not HOST:PORT",
                assertThrows(SeicheException.class, () -> Settings.coordinator(Map.of("join", List.of("host:port:x")))).getMessage());
        assertEquals("executor.local: expected true or false, got yes",
                assertThrows(SeicheException.class, () -> Settings.coordinator(Map.of("local", "yes"))).getMessage());
        assertEquals("--cluster: 'a b' is not a cluster name (letters, digits, . _ -; at most 64)",
                assertThrows(SeicheException.class, () -> Settings.member(Map.of("cluster", "a b"))).getMessage());
    }

    @Test
    void theSecretComesFromItsFileOrValueAndSignsWhatItIsGiven() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "s3cret\n");
        Secret fromFile = Secret.fromEnvironment(Map.of(Secret.FILE, file.toString(), Secret.VALUE, "ignored"));
        Secret fromValue = Secret.fromEnvironment(Map.of(Secret.VALUE, "s3cret"));
        Secret other = Secret.fromEnvironment(Map.of(Secret.VALUE, "other"));
        byte[] a = {1, 2, 3};
        byte[] tag = fromFile.sign(a, Secret.utf8("x"));
        assertEquals(Secret.MAC_BYTES, tag.length);
        assertTrue(fromValue.verifies(tag, a, Secret.utf8("x")), "the file's secret, trailing newline stripped");
        assertFalse(other.verifies(tag, a, Secret.utf8("x")));
        // the parts are signed with their lengths: the same bytes cut elsewhere do not verify
        assertFalse(fromValue.verifies(tag, new byte[] {1, 2}, new byte[] {3, 'x'}));
        SeicheException none = assertThrows(SeicheException.class, () -> Secret.fromEnvironment(Map.of()));
        assertTrue(none.getMessage().startsWith("executor hazelcast: no cluster secret; set SEICHE_CLUSTER_SECRET_FILE"),
                none.getMessage());
    }

    @Test
    void aResultIsAcceptedOnlyUnderTheSecretForItsBatch() {
        Secret secret = new Secret(Secret.utf8("k"));
        byte[] result = {9, 8, 7};
        byte[] reply = Reply.result(secret, "work", 3, result);
        Reply r = Reply.read(reply, secret, "work", 3);
        assertEquals(Reply.Kind.RESULT, r.kind());
        assertArrayEquals(result, r.payload());
        assertEquals(Reply.Kind.REFUSED, Reply.read(reply, secret, "work", 4).kind(), "passed off for another batch");
        assertEquals(Reply.Kind.REFUSED, Reply.read(reply, new Secret(Secret.utf8("j")), "work", 3).kind());
        Reply error = Reply.read(Reply.error("shot 2: loss is NaN"), secret, "work", 3);
        assertEquals(Reply.Kind.ERROR, error.kind());
        assertEquals("shot 2: loss is NaN", error.message());
    }

    @Test
    void theFirstDifferenceOfTwoBundleListsIsNamed() {
        List<String> here = List.of("a 1.0.0", "b 2.0.0");
        assertNull(Cluster.difference(here, List.of("a 1.0.0", "b 2.0.0"), "coordinator", "member m"));
        assertEquals("bundle b is 2.0.0 on coordinator and 2.0.1 on member m",
                Cluster.difference(here, List.of("a 1.0.0", "b 2.0.1"), "coordinator", "member m"));
        assertEquals("bundle c 1.0.0 is on member m but not on coordinator",
                Cluster.difference(here, List.of("a 1.0.0", "b 2.0.0", "c 1.0.0"), "coordinator", "member m"));
    }
}
