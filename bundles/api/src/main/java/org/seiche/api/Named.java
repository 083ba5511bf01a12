package org.seiche.api;

/** A service chosen by name (resolved at run time) or given as an instance. */
public record Named<T>(String name, T instance) {
    public static <T> Named<T> of(String name) {
        return new Named<>(name, null);
    }

    public static <T> Named<T> instance(String name, T instance) {
        return new Named<>(name, instance);
    }
}
