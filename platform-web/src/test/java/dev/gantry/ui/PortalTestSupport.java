package dev.gantry.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.gantry.testing.TestDataDirectory;
import dev.gantry.testing.ThisContextsSecurityContexts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Browserless view tests against the whole application on an H2 file database. */
@SpringBootTest
@TestExecutionListeners(listeners = ThisContextsSecurityContexts.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class PortalTestSupport extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry);
    }

    /** A button in a grid's component column: rows render their own components, outside the view's tree. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected Button buttonInGrid(String gridId, String column, String buttonId) {
        Grid grid = $(Grid.class).withId(gridId).single();
        var rows = test(grid);
        for (int row = 0; row < rows.size(); row++) {
            var found = withDescendants(rows.getCellComponent(row, column))
                    .filter(c -> c instanceof Button && buttonId.equals(c.getId().orElse(null))).findFirst();
            if (found.isPresent()) {
                return (Button) found.get();
            }
        }
        throw new AssertionError("no button " + buttonId + " in " + gridId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    protected boolean gridHasButton(String gridId, String column, String buttonId) {
        Grid grid = $(Grid.class).withId(gridId).single();
        var rows = test(grid);
        return IntStream.range(0, rows.size()).boxed()
                .flatMap(row -> withDescendants(rows.getCellComponent(row, column)))
                .anyMatch(c -> c instanceof Button && buttonId.equals(c.getId().orElse(null)));
    }

    private static Stream<Component> withDescendants(
            Component component) {
        return Stream.concat(Stream.of(component),
                component.getChildren().flatMap(c -> withDescendants(c)));
    }
}
