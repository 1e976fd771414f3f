package io.kefu.tests;

import io.kefu.tests.support.OnEmbeddedStack;

class FoundationScenariosOnEmbeddedStackTest extends FoundationScenarios implements OnEmbeddedStack {}
