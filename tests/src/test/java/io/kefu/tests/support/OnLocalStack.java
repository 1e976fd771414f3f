package io.kefu.tests.support;

import io.kefu.local.stack.LocalAwsStack;
import java.nio.file.Path;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker via Testcontainers, one container per JVM (Testcontainers' reaper removes it). Test classes
 * using it carry {@code @Testcontainers(disabledWithoutDocker = true)}, so they are skipped where Docker is absent.
 */
public interface OnLocalStack extends ScenarioBackend {
    @Override
    default LocalAwsStack stack(Path template) {
        LocalStackContainer container = Holder.container();
        return LocalAwsStack.builder().template(template).stage(LocalAwsStack.uniqueStage())
                .endpoint(container.getEndpoint()).region(container.getRegion()).connect();
    }

    final class Holder {
        private static LocalStackContainer container;

        private Holder() {}

        static synchronized LocalStackContainer container() {
            if (container == null) {
                container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                        .withServices(LocalStackContainer.Service.SQS, LocalStackContainer.Service.DYNAMODB);
                container.start();
            }
            return container;
        }
    }
}
