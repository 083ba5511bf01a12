package org.seiche.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.seiche.api.SeicheException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** ./fwi daemon status | stop: the resident process that serves ./fwi run ({@link Daemon}). */
@Command(name = "daemon", mixinStandardHelpOptions = true, description = "Says what the daemon serving ./fwi run of this "
        + "installation holds (status), or stops it (stop). It starts with the first ./fwi run and stops after "
        + "SEICHE_DAEMON_IDLE idle (default 10m); SEICHE_DAEMON=off runs every ./fwi run in a fresh JVM.")
final class DaemonCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "status|stop", description = "status or stop")
    String action;

    @Override
    public Integer call() {
        if (!action.equals("status") && !action.equals("stop")) {
            throw new SeicheException("daemon: expected status or stop, got '" + action + "'");
        }
        String dir = System.getProperty("seiche.daemon.dir");
        if (dir == null) {
            throw new SeicheException("daemon: no daemon folder given (./fwi gives it as -Dseiche.daemon.dir)");
        }
        return DaemonClient.command(Path.of(dir), action);
    }
}
