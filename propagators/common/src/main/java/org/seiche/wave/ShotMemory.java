package org.seiche.wave;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Shot wavefields and stored histories kept for reuse between batches and between
 * simulations (the pipeline prepares a new simulation for every model it evaluates), so a
 * gradient does not allocate and first-touch gigabytes each time. Held softly: the garbage
 * collector may take them back when memory runs short. Objects come back dirty; the kernel
 * clears what it needs cleared.
 */
public final class ShotMemory {
    private final Map<Object, Deque<SoftReference<Object>>> free = new HashMap<>();

    /** A free object stored under the key (its shape), or null. */
    public synchronized <T> T take(Object key, Class<T> type) {
        Deque<SoftReference<Object>> q = free.get(key);
        while (q != null && !q.isEmpty()) {
            Object o = q.pop().get();
            if (o != null) {
                return type.cast(o);
            }
        }
        return null;
    }

    public synchronized void give(Object key, Object value) {
        free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(new SoftReference<>(value));
    }
}
