package org.seiche.launcher;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

/**
 * The side of {@code ./fwi run} that talks to the daemon ({@link Daemon}): a small main that
 * starts in a fraction of the JVM's usual time (no framework, a few classes of java.base),
 * sends the run's arguments, working directory and environment over the daemon's Unix-domain
 * socket, writes what the run prints to its own stdout and stderr, and exits with the run's
 * status. When no daemon listens it exits {@link #ABSENT} (./fwi starts one), when the daemon
 * cannot serve this run (busy with another, other settings) {@link #NOT_SERVED} (./fwi runs a
 * fresh JVM). Also {@code status} and {@code stop} for {@code ./fwi daemon}.
 */
public final class DaemonClient {
    /** Exit status: no daemon listens (or it stopped, its bundles having changed): start one. */
    static final int ABSENT = 200;
    /** Exit status: a daemon listens but does not serve this run: run it in a fresh JVM. */
    static final int NOT_SERVED = 201;
    static final int VERSION = 1;
    static final String SOCKET = "daemon.sock";
    /** The daemon's first reply. */
    static final byte ACCEPTED = 'A', BUSY = 'B', OTHER_SETTINGS = 'O', STALE = 'S';
    /** Frames after it: stdout, stderr, and the last, the exit status. */
    static final byte OUT = 1, ERR = 2, EXIT = 3;
    /** How long a client started with a new daemon waits for it to listen. */
    private static final long START_WAIT_MS = 120_000;

    private DaemonClient() {
    }

    /**
     * run DIR TTY ARGS..., wait DIR TTY PID ARGS... (a daemon just started as PID: wait for
     * it to listen), status DIR, stop DIR.
     */
    public static void main(String[] args) {
        long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
        // ./fwi runs this under its script: when the script is killed, stop too, which ends the run in the daemon
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
        Path dir = Path.of(args[1]);
        System.exit(switch (args[0]) {
            case "run" -> run(dir, args[2], started, Arrays.copyOfRange(args, 3, args.length), 0);
            case "wait" -> run(dir, args[2], started, Arrays.copyOfRange(args, 4, args.length), Long.parseLong(args[3]));
            default -> command(dir, args[0]);
        });
    }

    /** The run through the daemon in dir; when starting is a process id, that daemon is starting: wait for it. */
    private static int run(Path dir, String tty, long started, String[] args, long starting) {
        if (!isPrivate(dir)) {
            return NOT_SERVED;
        }
        SocketChannel ch = starting == 0 ? connect(dir) : await(dir, starting);
        if (ch == null) {
            return starting == 0 ? ABSENT : NOT_SERVED;
        }
        try (ch) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream req = new DataOutputStream(bytes);
            req.writeInt(VERSION);
            req.writeUTF("run");
            req.writeUTF(System.getProperty("java.home"));
            req.writeUTF(Path.of("").toAbsolutePath().toString());
            req.writeUTF(tty);
            req.writeLong(started);
            Map<String, String> env = System.getenv();
            req.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                writeLong(req, e.getKey());
                writeLong(req, e.getValue());
            }
            req.writeInt(args.length);
            for (String a : args) {
                writeLong(req, a);
            }
            send(ch, bytes.toByteArray());
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(ch)));
            byte reply;
            try {
                reply = in.readByte();
            } catch (EOFException e) {
                return ABSENT; // it closed as it stopped (idle): start another
            }
            if (reply == STALE) {
                return ABSENT;
            }
            if (reply != ACCEPTED) {
                return NOT_SERVED;
            }
            return relay(in, dir);
        } catch (IOException e) {
            return NOT_SERVED;
        }
    }

    /** Writes the run's frames to stdout and stderr; the run's exit status. */
    private static int relay(DataInputStream in, Path dir) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        byte[] buffer = new byte[8192];
        while (true) {
            byte kind;
            try {
                kind = in.readByte();
            } catch (EOFException | java.nio.channels.AsynchronousCloseException e) {
                err.write(("error: the daemon serving this run stopped before the end (" + dir.resolve("daemon.log") + ")\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return 1;
            }
            int n = in.readInt();
            if (kind == EXIT) {
                return n;
            }
            if (buffer.length < n) {
                buffer = new byte[n];
            }
            in.readFully(buffer, 0, n);
            (kind == OUT ? out : err).write(buffer, 0, n);
        }
    }

    /** ./fwi daemon status | stop. */
    static int command(Path dir, String command) {
        SocketChannel ch = isPrivate(dir) ? connect(dir) : null;
        if (ch == null) {
            System.out.println("no daemon serves this installation (" + dir + "); the next ./fwi run starts one");
            return 0;
        }
        try (ch) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream req = new DataOutputStream(bytes);
            req.writeInt(VERSION);
            req.writeUTF(command);
            send(ch, bytes.toByteArray());
            DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
            if (in.readByte() != ACCEPTED) {
                System.out.println("the daemon did not answer " + command);
                return 1;
            }
            return relay(in, dir);
        } catch (IOException e) {
            System.out.println("no daemon serves this installation (" + dir + "): " + e.getMessage());
            return 0;
        }
    }

    /** Strings of any length (an environment variable's value may pass writeUTF's 64 kB). */
    static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A request: its length, then its bytes. */
    static void send(SocketChannel ch, byte[] message) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** The daemon's socket connected, or null when nothing listens there. */
    static SocketChannel connect(Path dir) {
        Path socket = dir.resolve(SOCKET);
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits for the daemon just started as pid to listen; null when it exited first or did not listen in time. */
    private static SocketChannel await(Path dir, long pid) {
        long deadline = System.currentTimeMillis() + START_WAIT_MS;
        java.util.Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
        while (System.currentTimeMillis() < deadline) {
            SocketChannel ch = connect(dir);
            if (ch != null) {
                return ch;
            }
            if (daemon.isEmpty() || !daemon.get().isAlive()) {
                return connect(dir); // it exited: another daemon may have been quicker to take the folder
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    /** The daemon's folder is this user's alone (owner, rwx------), so that no one else listens or connects there. */
    static boolean isPrivate(Path dir) {
        try {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() && a.owner().getName().equals(System.getProperty("user.name"))
                    && a.permissions().equals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
