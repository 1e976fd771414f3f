package io.kefu.cli.qa.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The labelled corpus at the repository root, found from the module directory tests run in. */
final class Corpus {
    private Corpus() {}

    static Path dir(String split) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("corpus").resolve("qa").resolve(split);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("corpus/qa/" + split + " not found above " + here);
    }
}
