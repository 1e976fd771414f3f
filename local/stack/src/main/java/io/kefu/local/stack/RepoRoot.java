package io.kefu.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the checkout: KEFU_ROOT (or -Dkefu.root), else the nearest folder holding infra-template.yaml from the
 * working directory up, else from this code's jar up.
 */
public final class RepoRoot {
    public static final String TEMPLATE = "infra-template.yaml";

    private RepoRoot() {}

    public static Path find() {
        String configured = System.getProperty("kefu.root", System.getenv("KEFU_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                return dir;
            }
        }
        try { // then from where this code lives (java -jar /path/to/checkout/local/runtime/target/kefu.jar)
            Path code = Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(TEMPLATE))) {
                    return dir;
                }
            }
        } catch (Exception unknownLocation) {
            // fall through
        }
        throw new IllegalStateException("no " + TEMPLATE + " in " + Path.of("").toAbsolutePath()
                + " or its parents; run from the checkout or set KEFU_ROOT");
    }

    public static Path template() {
        return find().resolve(TEMPLATE);
    }
}
