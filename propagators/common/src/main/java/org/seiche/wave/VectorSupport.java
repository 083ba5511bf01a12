package org.seiche.wave;

/**
 * Whether the Java Vector API (incubator module jdk.incubator.vector) can be used: the JVM
 * must be started with --add-modules jdk.incubator.vector and, in an OSGi framework, the
 * system bundle must export the package (org.osgi.framework.system.packages.extra). The
 * propagators and this bundle import it optionally; without it the kernels run their
 * portable loops. The system property seiche.vector=false turns the SIMD loops off.
 */
public final class VectorSupport {
    private VectorSupport() {
    }

    public static boolean available() {
        if ("false".equals(System.getProperty("seiche.vector"))) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.DoubleVector", false, VectorSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
