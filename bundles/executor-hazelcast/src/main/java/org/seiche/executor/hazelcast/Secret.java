package org.seiche.executor.hazelcast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.seiche.api.SeicheException;

/**
 * The cluster's shared secret, from the file SEICHE_CLUSTER_SECRET_FILE names or the value
 * of SEICHE_CLUSTER_SECRET (never from a pipeline file): every task and every reply carries
 * an HMAC-SHA256 of its bytes under it, so a process without it can neither give work to a
 * member nor pass a result off as one.
 */
final class Secret {
    static final String FILE = "SEICHE_CLUSTER_SECRET_FILE";
    static final String VALUE = "SEICHE_CLUSTER_SECRET";
    static final int MAC_BYTES = 32;
    private final SecretKeySpec key;

    Secret(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The secret of this process's environment, or a refusal saying how to give one. */
    static Secret fromEnvironment(Map<String, String> env) {
        String file = env.get(FILE);
        byte[] secret;
        if (file != null && !file.isEmpty()) {
            try {
                secret = Files.readString(Path.of(file)).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SeicheException(FILE + ": cannot read " + file + " (" + e.getMessage() + ")");
            }
            if (secret.length == 0) {
                throw new SeicheException(FILE + ": " + file + " is empty");
            }
        } else {
            String value = env.get(VALUE);
            if (value == null || value.isEmpty()) {
                throw new SeicheException("executor hazelcast: no cluster secret; set " + FILE + " to a file holding it (or "
                        + VALUE + " to its value) on the coordinator and every member");
            }
            secret = value.getBytes(StandardCharsets.UTF_8);
        }
        return new Secret(secret);
    }

    /** The HMAC of the parts, in order. */
    byte[] sign(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] p : parts) {
                // each part's length first, so that parts cannot be cut differently under one tag
                mac.update(new byte[] {(byte) (p.length >>> 24), (byte) (p.length >>> 16), (byte) (p.length >>> 8), (byte) p.length});
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether tag is the HMAC of the parts (compared in constant time). */
    boolean verifies(byte[] tag, byte[]... parts) {
        return tag != null && MessageDigest.isEqual(tag, sign(parts));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
