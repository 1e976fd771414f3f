package io.kefu.local.cli;

/**
 * One part of {@code kefu demo}. Each capability adds its own section: implement this, and list the class in
 * {@code local/runtime/src/main/resources/META-INF/services/io.kefu.local.cli.DemoSection}. Sections run in
 * {@link #order()} on one embedded stack and one runtime, and print a short readable summary.
 */
public interface DemoSection {

    String title();

    /** Lower runs first; the foundation section is 0. */
    default int order() {
        return 100;
    }

    void run(DemoContext demo) throws Exception;
}
