package org.seiche.wave.storage;

/** Where a store takes its primitive arrays from and gives them back to (a propagator's pool). */
public interface ArraySource {
    /** An array of the primitive component type and length (dirty when reused). */
    Object take(Class<?> component, int length);

    /** Gives back an array taken here; null is ignored. */
    void give(Object array);

    /** Plain allocation, nothing kept. */
    ArraySource NEW = new ArraySource() {
        @Override
        public Object take(Class<?> component, int length) {
            return java.lang.reflect.Array.newInstance(component, length);
        }

        @Override
        public void give(Object array) {
        }
    };
}
