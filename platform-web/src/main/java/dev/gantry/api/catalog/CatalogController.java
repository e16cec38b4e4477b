package dev.gantry.api.catalog;

import java.util.List;
import java.util.Set;

import dev.gantry.access.ServiceCatalog;
import dev.gantry.api.PageResponse;
import dev.gantry.api.RequestValues;
import dev.gantry.access.ServiceDefinition;
import dev.gantry.access.ServiceTier;
import dev.gantry.access.ServiceView;
import dev.gantry.domain.Environment;
import dev.gantry.domain.InvalidInputException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service catalog over HTTP, for CI systems and scripts that register what they deploy. */
@RestController
@RequestMapping("/api/v1/catalog/services")
class CatalogController {

    record ServiceRequest(String slug, String name, String description, String ownerTeam, String tier,
                          List<String> environments, String repositoryUrl, String runbookUrl, String dashboardUrl) {

        ServiceDefinition toDefinition() {
            ServiceTier parsedTier = RequestValues.enumValue(ServiceTier.class, "tier", tier);
            Set<Environment> envs = environments == null ? Set.of()
                    : Set.copyOf(environments.stream().map(e -> RequestValues.enumValue(Environment.class, "environments", e)).toList());
            return new ServiceDefinition(slug, name, description, ownerTeam, parsedTier, envs, repositoryUrl,
                    runbookUrl, dashboardUrl);
        }
    }

    private final ServiceCatalog catalog;

    CatalogController(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_catalog:read')")
    PageResponse<ServiceView> list(@RequestParam(defaultValue = "") String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(catalog.find(q, PageResponse.request(page, size, Sort.by("name"))));
    }

    @GetMapping("/{slug}")
    @PreAuthorize("hasAuthority('SCOPE_catalog:read')")
    ServiceView get(@PathVariable String slug) {
        return catalog.get(slug);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SCOPE_catalog:write')")
    ServiceView register(@RequestBody ServiceRequest request) {
        return catalog.register(request.toDefinition());
    }

    @PutMapping("/{slug}")
    @PreAuthorize("hasAuthority('SCOPE_catalog:write')")
    ServiceView update(@PathVariable String slug, @RequestBody ServiceRequest request) {
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw new InvalidInputException("slug", "The slug in the body differs from the one in the path");
        }
        ServiceRequest withSlug = new ServiceRequest(slug, request.name(), request.description(), request.ownerTeam(),
                request.tier(), request.environments(), request.repositoryUrl(), request.runbookUrl(),
                request.dashboardUrl());
        return catalog.update(withSlug.toDefinition());
    }
}
