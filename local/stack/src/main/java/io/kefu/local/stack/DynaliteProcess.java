package io.kefu.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * dynalite (local DynamoDB, MIT licence) as a child {@code node} process, pinned by local/stack/dynalite's
 * package-lock.json. {@code npm ci} runs on first use. The wrapper script exits when its stdin reaches EOF, so
 * the process dies with the JVM even on {@code kill -9}; {@link #close()} also destroys the process tree.
 */
final class DynaliteProcess implements AutoCloseable {
    private static final String READY = "KEFU_DYNALITE_READY ";
    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private DynaliteProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::destroy, "kefu-dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static DynaliteProcess start(Path repoRoot, Consumer<String> log) {
        return start(repoRoot, FreePort.pick(), null, log);
    }

    /**
     * dynalite on {@code port} with its tables in a LevelDB under {@code dataDir}. A dynalite from a killed
     * {@code kefu up} may still hold the LevelDB lock for a moment (it exits when its stdin closes): retried.
     */
    static DynaliteProcess startPersistent(Path repoRoot, int port, Path dataDir, Consumer<String> log) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return start(repoRoot, port, dataDir, log);
            } catch (IllegalStateException lockedOrPortTaken) {
                last = lockedOrPortTaken;
                Bootstrapper.sleep(500);
            }
        }
        throw last;
    }

    private static DynaliteProcess start(Path repoRoot, int port, Path dataDir, Consumer<String> log) {
        Path dir = repoRoot.resolve("local/stack/dynalite");
        if (!Files.isRegularFile(dir.resolve("kefu-dynalite.js"))) {
            throw new IllegalStateException("missing " + dir.resolve("kefu-dynalite.js"));
        }
        ensureInstalled(dir, log);
        List<String> command = new ArrayList<>(List.of(executable("KEFU_NODE", "node"), "kefu-dynalite.js",
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (Node 18+ must be on PATH): " + e.getMessage(), e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ConcurrentLinkedDeque<String> output = new ConcurrentLinkedDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith(READY)) {
                        ready.complete(null);
                    } else {
                        output.add(line);
                        if (output.size() > 50) {
                            output.poll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
            ready.completeExceptionally(new IllegalStateException("dynalite exited: " + String.join("\n", output)));
        }, "kefu-dynalite-output");
        reader.setDaemon(true);
        reader.start();
        DynaliteProcess dynalite = new DynaliteProcess(process, port);
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | InterruptedException | java.util.concurrent.ExecutionException e) {
            dynalite.close();
            throw new IllegalStateException("dynalite did not start: " + e.getMessage() + "\n" + String.join("\n", output), e);
        }
        return dynalite;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void destroy() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        try {
            process.getOutputStream().close(); // EOF on stdin: the wrapper exits by itself
        } catch (IOException ignored) {
            // already closed
        }
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code npm ci} when node_modules is missing; a file lock keeps parallel JVMs from installing twice. */
    private static void ensureInstalled(Path dir, Consumer<String> log) {
        Path marker = dir.resolve("node_modules/dynalite/package.json");
        if (Files.isRegularFile(marker)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(".npm-ci.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(marker)) {
                return;
            }
            log.accept("installing dynalite (npm ci in " + dir + ") ...");
            Process npm = new ProcessBuilder(executable("KEFU_NPM", "npm"), "ci", "--no-audit", "--no-fund")
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(".npm-ci.log").toFile()).start();
            npm.getOutputStream().close();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(marker)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + dir + ":\n"
                        + Files.readString(dir.resolve(".npm-ci.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install dynalite (npm must be on PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
