package org.seiche.executor.hazelcast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.seiche.api.SeicheException;

/**
 * A member's answer to a task, as bytes: a kind, then a result (the batch's ShotResult in
 * its binary form) or a message. Results are signed with the cluster secret over the task's
 * work id and batch, so a result cannot be forged or passed off for another batch.
 */
record Reply(Kind kind, byte[] payload) {
    enum Kind {
        /** The batch's result. */
        RESULT,
        /** The work failed as it would anywhere (a value went non-finite): the run stops with the message. */
        ERROR,
        /** This member will not run the coordinator's work (secret, bundles): use others. */
        REFUSED,
        /** The member has no longer got the work or pipeline: send them again. */
        MISSING
    }

    static byte[] result(Secret secret, String workId, int batch, byte[] result) {
        byte[] mac = secret.sign(Secret.utf8(workId), Secret.utf8(Integer.toString(batch)), result);
        return ByteBuffer.allocate(1 + mac.length + result.length).put((byte) Kind.RESULT.ordinal()).put(mac).put(result).array();
    }

    static byte[] error(String message) {
        return message(Kind.ERROR, message);
    }

    static byte[] refused(String message) {
        return message(Kind.REFUSED, message);
    }

    static byte[] missing() {
        return message(Kind.MISSING, "");
    }

    private static byte[] message(Kind kind, String message) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + m.length).put((byte) kind.ordinal()).put(m).array();
    }

    /** A reply as the coordinator reads it; a result whose signature does not hold is refused. */
    static Reply read(byte[] bytes, Secret secret, String workId, int batch) {
        if (bytes == null || bytes.length == 0 || bytes[0] < 0 || bytes[0] >= Kind.values().length) {
            throw new SeicheException("executor hazelcast: a malformed reply");
        }
        Kind kind = Kind.values()[bytes[0]];
        if (kind != Kind.RESULT) {
            return new Reply(kind, Arrays.copyOfRange(bytes, 1, bytes.length));
        }
        if (bytes.length < 1 + Secret.MAC_BYTES) {
            throw new SeicheException("executor hazelcast: a malformed reply");
        }
        byte[] mac = Arrays.copyOfRange(bytes, 1, 1 + Secret.MAC_BYTES);
        byte[] result = Arrays.copyOfRange(bytes, 1 + Secret.MAC_BYTES, bytes.length);
        if (!secret.verifies(mac, Secret.utf8(workId), Secret.utf8(Integer.toString(batch)), result)) {
            return new Reply(Kind.REFUSED, Secret.utf8("its result is not signed with this cluster's secret"));
        }
        return new Reply(kind, result);
    }

    String message() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
