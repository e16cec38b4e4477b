package dev.gantry.testing;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Each application context installs its own Vaadin-aware security context strategy globally when it starts, and
 * {@code @WithGantryUser} fills the strategy of the test's own context: once another context has started in the
 * same JVM, views would see nobody signed in. This puts the test's context's strategy back before anything else
 * of the test runs (the browserless set-up signs the mocked request in from it).
 */
public class ThisContextsSecurityContexts implements TestExecutionListener, Ordered {

    /** Per-class test instances set up in {@code @BeforeAll}, which runs before any test method's callbacks. */
    @Override
    public void prepareTestInstance(TestContext testContext) {
        useThisContextsStrategy(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useThisContextsStrategy(testContext);
    }

    private static void useThisContextsStrategy(TestContext testContext) {
        SecurityContextHolder.setContextHolderStrategy(
                testContext.getApplicationContext().getBean(SecurityContextHolderStrategy.class));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
