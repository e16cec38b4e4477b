package dev.gantry.api.policy;

import java.util.List;

import dev.gantry.domain.policy.PolicyPack;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The active policy pack, so pipelines and scripts can see the rules they will be held to. */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyController {

    record Rule(String id, String kind, String area, String description, String summary) {
    }

    record Pack(String id, String name, String organisation, String version, String description, List<Rule> rules) {
    }

    private final PolicyPack pack;

    PolicyController(PolicyPack pack) {
        this.pack = pack;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_policy:read') and hasAuthority('SIGNED_IN')")
    Pack active() {
        return new Pack(pack.id(), pack.name(), pack.organisation(), pack.version(), pack.description(),
                pack.rules().stream().map(r -> new Rule(r.id(), r.kind().yamlName(), r.area().name(), r.description(),
                        r.summary())).toList());
    }
}
