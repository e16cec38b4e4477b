package dev.gantry.secrets.internal.policy;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored policies, compiled, and the grants, held in memory between changes: a permission check costs one
 * primary-key read of the stamp and a few map lookups, not a load of every policy.
 *
 * <p>Every change calls {@link #changed()} in its own transaction, which writes a fresh random stamp. Any node that
 * next reads a stamp other than the one its copy was built from reloads, so a change holds everywhere as soon as
 * it commits. The stamp is read before the rows, so a copy is never older than the stamp it carries.
 */
@Component
public class PolicyCache {

    private static final Logger log = LoggerFactory.getLogger(PolicyCache.class);
    private static final String STAMP = "select stamp from secret_policy_stamp where id = ?";

    private final StoredPolicies policies;
    private final PolicyGrants grants;
    private final PolicyStamps stamps;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private volatile @Nullable Snapshot current;

    PolicyCache(StoredPolicies policies, PolicyGrants grants, PolicyStamps stamps, JdbcTemplate jdbc) {
        this.policies = policies;
        this.grants = grants;
        this.stamps = stamps;
        this.jdbc = jdbc;
    }

    /** The policies and grants as committed now (or as changed by the caller's own transaction). */
    public Snapshot current() {
        // Every permission check reads the stamp, mostly outside a transaction (a REST write checks before it
        // queues): a plain statement on a pooled connection, where a repository call would begin and commit a
        // transaction and open and close a persistence context around it.
        long stamp = Objects.requireNonNull(jdbc.queryForObject(STAMP, Long.class, 1));
        Snapshot cached = current;
        if (cached != null && cached.stamp() == stamp) {
            return cached;
        }
        Snapshot loaded = load(stamp);
        current = loaded;
        return loaded;
    }

    /** Call in the transaction of every change of policies or grants. */
    public void changed() {
        long stamp;
        do {
            stamp = random.nextLong();
        } while (stamp == 0);
        stamps.change(stamp);
    }

    private Snapshot load(long stamp) {
        Map<String, CompiledPolicy> compiled = new HashMap<>();
        for (PolicyEntity policy : policies.findAll()) {
            compiled.put(policy.name(), compile(policy));
        }
        Map<String, TreeSet<String>> byUser = new HashMap<>();
        Map<String, TreeSet<String>> byTeam = new HashMap<>();
        for (PolicyGrantEntity grant : grants.findAll()) {
            Map<String, TreeSet<String>> bySubject =
                    PolicyGrantEntity.TEAM.equals(grant.subjectKind()) ? byTeam : byUser;
            bySubject.computeIfAbsent(grant.subject(), subject -> new TreeSet<>()).add(grant.policyName());
        }
        return new Snapshot(stamp, Map.copyOf(compiled), freeze(byUser), freeze(byTeam));
    }

    private static CompiledPolicy compile(PolicyEntity policy) {
        try {
            return new CompiledPolicy(policy.name(), RulesText.parse(policy.rules()));
        } catch (RuntimeException unreadable) {
            log.warn("Stored policy '{}' version {} does not compile ({}); it denies everything until fixed",
                    policy.name(), policy.version(), unreadable.getMessage());
            return CompiledPolicy.denyingEverything(policy.name());
        }
    }

    private static Map<String, List<String>> freeze(Map<String, TreeSet<String>> grants) {
        Map<String, List<String>> frozen = new HashMap<>();
        grants.forEach((subject, names) -> frozen.put(subject, List.copyOf(names)));
        return Map.copyOf(frozen);
    }

    /** One consistent view of the stored policies and grants, plus the built-in policies by name. */
    public record Snapshot(long stamp, Map<String, CompiledPolicy> stored, Map<String, List<String>> userGrants,
            Map<String, List<String>> teamGrants) {

        public Optional<CompiledPolicy> policy(String name) {
            return BuiltinPolicies.isBuiltin(name) ? BuiltinPolicies.find(name)
                    : Optional.ofNullable(stored.get(name));
        }

        public List<String> grantedToUser(String username) {
            return userGrants.getOrDefault(username, List.of());
        }

        public List<String> grantedToTeam(String team) {
            return teamGrants.getOrDefault(team, List.of());
        }
    }
}
