package io.kefu.cli.qa;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scorer a lead tries rules with: a rulebook YAML file (validated as at publish), else the packaged default. */
final class LocalScoring {
    private LocalScoring() {}

    static Scorer scorer(Path rulebookFile) {
        return new Scorer(CompiledRulebook.compile(rulebook(rulebookFile)));
    }

    static Rulebook rulebook(Path rulebookFile) {
        Rulebook book;
        if (rulebookFile == null) {
            book = RulebookLoader.defaultRulebook();
        } else {
            try {
                book = RulebookLoader.fromYaml(Files.readString(rulebookFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("--rulebook: cannot read " + rulebookFile, e);
            }
        }
        return book;
    }
}
