package org.seiche.scalar.cpu;

import java.lang.ref.SoftReference;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Primitive arrays kept for reuse between runs (wavefields, stored forward steps), so a
 * gradient does not allocate and first-touch its wavefield store on every call. Arrays
 * are held softly: the garbage collector may take them back when memory runs short.
 * Arrays come back dirty; callers clear what they need cleared.
 */
public final class ArrayPool implements org.seiche.wave.storage.ArraySource {
    private record Key(Class<?> component, int length) {
    }

    private final Map<Key, Deque<SoftReference<Object>>> free = new HashMap<>();

    /** An array of the given primitive component type and length, reused when one is free. */
    @Override
    public synchronized Object take(Class<?> component, int length) {
        Deque<SoftReference<Object>> q = free.get(new Key(component, length));
        while (q != null && !q.isEmpty()) {
            Object a = q.pop().get();
            if (a != null) {
                return a;
            }
        }
        return Array.newInstance(component, length);
    }

    /** Returns an array taken from this pool. */
    @Override
    public synchronized void give(Object array) {
        if (array != null) {
            Key key = new Key(array.getClass().getComponentType(), Array.getLength(array));
            free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(new SoftReference<>(array));
        }
    }
}
