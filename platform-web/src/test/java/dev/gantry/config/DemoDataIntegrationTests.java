package dev.gantry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceView;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.domain.Role;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo profile gives a newcomer a populated portal: teams with people, and services those teams own. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoDataIntegrationTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "demo");
    }

    @Autowired TeamManagement teams;
    @Autowired ServiceCatalog catalog;

    @Test
    void theDemoOrganisationHasTeamsPeopleAndServices() {
        SystemAuthority.runAs("test", List.of(Role.ADMIN), () -> {
            assertThat(teams.all()).extracting(TeamView::slug).contains("payments", "platform", "identity");
            assertThat(teams.all()).allMatch(team -> team.members() > 0);
            assertThat(catalog.find("", PageRequest.of(0, 10)).getContent()).extracting(ServiceView::slug)
                    .contains("checkout-api", "ledger", "gantry", "login");
            assertThat(catalog.ownedByTeamsOf("alice")).extracting(ServiceView::slug)
                    .containsExactlyInAnyOrder("checkout-api", "ledger");
        });
    }
}
