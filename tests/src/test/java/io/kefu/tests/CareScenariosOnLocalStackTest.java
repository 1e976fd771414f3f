package io.kefu.tests;

import io.kefu.tests.support.OnLocalStack;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class CareScenariosOnLocalStackTest extends CareScenarios implements OnLocalStack {}
