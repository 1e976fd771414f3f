package io.kefu.tests.support;

import io.kefu.local.stack.RepoRoot;
import java.net.URISyntaxException;
import java.nio.file.Path;

public final class Templates {
    private Templates() {}

    /** The project's infra-template.yaml. */
    public static Path main() {
        return RepoRoot.template();
    }

    /** tests/src/test/resources/scenario-template.yaml: test handlers bound to a queue, a DLQ and a schedule. */
    public static Path scenario() {
        try {
            return Path.of(Templates.class.getResource("/scenario-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
