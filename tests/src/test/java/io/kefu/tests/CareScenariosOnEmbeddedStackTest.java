package io.kefu.tests;

import io.kefu.tests.support.OnEmbeddedStack;

class CareScenariosOnEmbeddedStackTest extends CareScenarios implements OnEmbeddedStack {}
