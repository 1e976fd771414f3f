package io.kefu.cli.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kefu.local.stack.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a seeded report with headless Chromium (tools/render-report.sh). Skipped where
 * /usr/bin/chromium is missing. -Dkefu.updateScreenshot=true also refreshes docs/qa-report.png.
 */
class QaReportRenderTest {
    @Test
    void chromiumRendersTheReportOffline(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium");
        QaFixture fx = new QaFixture().scoreSamples().seedVolume();
        fx.surveyCell("2026-11-10", "POST_CHAT", "seed-east", "s-agent-1", 10, 42, 8);
        fx.surveyCell("2026-11-12", "POST_CHAT", "seed-east", "s-agent-2", 6, 24, 4);
        fx.surveyCell("2026-11-12", "POST_CHAT", "seed-west", "s-agent-3", 4, 9, 1);
        fx.surveyCell("2026-11-13", "POST_CHAT", "seed-west", "s-agent-4", 8, 36, 7);
        fx.surveyCell("2026-11-11", "POST_CHAT", "tmall-flagship-cs", "agent-013", 3, 5, 0);
        fx.qa("review", "seed-001", "--score", "75", "--reason", "greeting was fine", "--overturn", "greeting", "--reviewer", "lead-wang");
        Path html = dir.resolve("qa-report.html");
        assertThat(fx.qa("report", "--since", "30d", "--out", html.toString()).exit()).isZero();
        Path png = dir.resolve("qa-report.png");

        Process p = new ProcessBuilder(RepoRoot.find().resolve("tools/render-report.sh").toString(), html.toString(), png.toString())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        p.getInputStream().transferTo(log);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log.toString(StandardCharsets.UTF_8)).isZero();

        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2200);
        if (Boolean.getBoolean("kefu.updateScreenshot")) {
            Files.copy(png, RepoRoot.find().resolve("docs/qa-report.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
