package io.kefu.tests;

import io.kefu.tests.support.OnLocalStack;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class FoundationScenariosOnLocalStackTest extends FoundationScenarios implements OnLocalStack {}
