package dev.gantry.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.gantry.testing.TestDataDirectory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Browserless view tests against the whole application on an H2 file database. */
@SpringBootTest
public abstract class PortalTestSupport extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry);
    }
}
