package io.kefu.functions.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's page, script and style, served by the function from its jar (resources/console): one
 * deployable, the same CSP header on the page and the API, no bucket to keep in step. A fixed list, so no
 * path from the URL ever reaches the class loader.
 */
final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of(
            "/", "text/html; charset=utf-8",
            "/app.js", "text/javascript; charset=utf-8",
            "/i18n.js", "text/javascript; charset=utf-8",
            "/app.css", "text/css; charset=utf-8");
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    Optional<ConsoleResponse> get(String path) {
        String type = TYPES.get(path);
        if (type == null) {
            return Optional.empty();
        }
        String body = cache.computeIfAbsent(path, p -> read(p.equals("/") ? "index.html" : p.substring(1)));
        return Optional.of(ConsoleResponse.of(200, type, body, !path.equals("/")));
    }

    private static String read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
