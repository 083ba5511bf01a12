package org.seiche.elastic.cpu;

/**
 * Whether the Java Vector API (incubator module jdk.incubator.vector) can be used: the JVM
 * must be started with --add-modules jdk.incubator.vector and, in an OSGi framework, the
 * system bundle must export the package (org.osgi.framework.system.packages.extra). The
 * bundle imports it optionally; without it the kernel runs its portable loops only. The
 * system property seiche.vector=false turns the vector loops off.
 */
public final class Vectors {
    private Vectors() {
    }

    public static boolean available() {
        if ("false".equals(System.getProperty("seiche.vector"))) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.DoubleVector", false, Vectors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
