package io.kefu.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout: the nearest folder, from the working directory up, that holds infra-template.yaml. */
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
        throw new IllegalStateException("no " + TEMPLATE + " in " + Path.of("").toAbsolutePath()
                + " or its parents; run from the checkout or set KEFU_ROOT");
    }

    public static Path template() {
        return find().resolve(TEMPLATE);
    }
}
