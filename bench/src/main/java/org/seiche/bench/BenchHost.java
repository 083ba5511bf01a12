package org.seiche.bench;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.seiche.api.Pipeline;

/**
 * What the bench needs from the command line it is a subcommand of: the installation and a
 * started framework. The launcher's main command implements it, so that the bench does not
 * depend on the launcher that puts it on its class path.
 */
public interface BenchHost {
    /** The installation's folder (where ./fwi is). */
    Path home();

    /** Starts the framework with the installed bundles and plugins. */
    Running framework();

    /** A started framework; closing it stops it. */
    interface Running extends AutoCloseable {
        Pipeline pipeline();

        BundleContext context();

        @Override
        void close();
    }
}
