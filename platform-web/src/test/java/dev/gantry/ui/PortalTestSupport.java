package dev.gantry.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.gantry.testing.TestDataDirectory;
import dev.gantry.testing.ThisContextsSecurityContexts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/** Browserless view tests against the whole application on an H2 file database. */
@SpringBootTest
@TestExecutionListeners(listeners = ThisContextsSecurityContexts.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class PortalTestSupport extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry);
    }
}
