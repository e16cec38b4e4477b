package dev.gantry.domain.policy;

import dev.gantry.domain.Environment;
import dev.gantry.domain.Role;
import dev.gantry.domain.Severity;
import dev.gantry.domain.policy.params.AccessReview;
import dev.gantry.domain.policy.params.AlertThreshold;
import dev.gantry.domain.policy.params.AuditTrailRequired;
import dev.gantry.domain.policy.params.AutomaticApproval;
import dev.gantry.domain.policy.params.BackupSchedule;
import dev.gantry.domain.policy.params.Branching;
import dev.gantry.domain.policy.params.CentralizedLogs;
import dev.gantry.domain.policy.params.ContinuousDeployment;
import dev.gantry.domain.policy.params.CoverageGate;
import dev.gantry.domain.policy.params.DeploymentStrategy;
import dev.gantry.domain.policy.params.DeploymentTrigger;
import dev.gantry.domain.policy.params.DeploymentVerification;
import dev.gantry.domain.policy.params.DoraMetrics;
import dev.gantry.domain.policy.params.Encryption;
import dev.gantry.domain.policy.params.Escalation;
import dev.gantry.domain.policy.params.FailFast;
import dev.gantry.domain.policy.params.FindingSeverity;
import dev.gantry.domain.policy.params.ImageScanGate;
import dev.gantry.domain.policy.params.IncidentNotification;
import dev.gantry.domain.policy.params.InfrastructureAsCode;
import dev.gantry.domain.policy.params.InfrastructureChangeApprovals;
import dev.gantry.domain.policy.params.InfrastructurePipelineOnly;
import dev.gantry.domain.policy.params.LeastPrivilege;
import dev.gantry.domain.policy.params.LogRedaction;
import dev.gantry.domain.policy.params.MetricsEndpoint;
import dev.gantry.domain.policy.params.MfaRequired;
import dev.gantry.domain.policy.params.ModuleReview;
import dev.gantry.domain.policy.params.NoPlaintextSecrets;
import dev.gantry.domain.policy.params.Patching;
import dev.gantry.domain.policy.params.PenetrationTest;
import dev.gantry.domain.policy.params.PipelineOnlyDeployments;
import dev.gantry.domain.policy.params.Postmortem;
import dev.gantry.domain.policy.params.PreDeploymentBackup;
import dev.gantry.domain.policy.params.ProductionApprovals;
import dev.gantry.domain.policy.params.RemoteState;
import dev.gantry.domain.policy.params.RequiredTests;
import dev.gantry.domain.policy.params.RestoreDrill;
import dev.gantry.domain.policy.params.Rollback;
import dev.gantry.domain.policy.params.RuleParameters;
import dev.gantry.domain.policy.params.RunbookRequired;
import dev.gantry.domain.policy.params.SecretRotation;
import dev.gantry.domain.policy.params.SecurityReview;
import dev.gantry.domain.policy.params.SecurityScanGate;
import dev.gantry.domain.policy.params.ServiceMetrics;
import dev.gantry.domain.policy.params.SeverityLevels;
import dev.gantry.domain.policy.params.StageDurationBudget;
import dev.gantry.domain.policy.params.StaticAnalysisGate;
import dev.gantry.domain.policy.params.StatusUpdates;
import dev.gantry.domain.policy.params.StructuredLogs;
import dev.gantry.domain.policy.params.TemporaryAccess;
import dev.gantry.domain.policy.params.Tracing;
import dev.gantry.domain.policy.params.UptimeCheck;
import dev.gantry.domain.policy.params.VaultRequired;
import dev.gantry.domain.policy.params.Versioning;
import dev.gantry.domain.policy.params.ZeroDowntime;
import java.util.Set;

/**
 * Maps the {@code params} of each rule kind to its record. Arguments are read in the order the kind documents its
 * parameters, which is also the order an unknown-parameter message lists them in. The switch has no default, so a
 * new kind does not compile until it can be read.
 */
final class ParameterParsers {

    private static final int SHORT_TEXT = 200;
    private static final int MEANING = 500;
    private static final int ANY = Integer.MAX_VALUE;

    private ParameterParsers() {
    }

    static RuleParameters read(RuleKind kind, YamlFields p) {
        return switch (kind) {
            case PRODUCTION_APPROVALS -> new ProductionApprovals(p.integer("min", 0, ANY), p.choice("role", Role.class),
                    p.flag("forbidSelfApproval", true), p.optionalText("changeLabel", SHORT_TEXT));
            case AUTOMATIC_APPROVAL -> new AutomaticApproval(
                    p.choices("requires", AutomaticApproval.Condition.class, true));
            case STRATEGY -> new DeploymentStrategy(p.choice("production", DeploymentStrategy.Rollout.class),
                    p.optionalDuration("standbyRetention"), p.integers("canarySteps", 1, 100));
            case ROLLBACK -> new Rollback(p.flag("automatic"), p.choices("triggers", Rollback.Trigger.class, false));
            case CONTINUOUS_DEPLOYMENT -> new ContinuousDeployment(p.text("branch", SHORT_TEXT),
                    p.choice("environment", Environment.class));
            case TRIGGER -> new DeploymentTrigger(p.choice("on", DeploymentTrigger.Event.class),
                    p.optionalText("tagPattern", SHORT_TEXT));
            case ZERO_DOWNTIME -> new ZeroDowntime();
            case PIPELINE_ONLY -> new PipelineOnlyDeployments(environments(p, true));
            case VERIFICATION -> new DeploymentVerification(
                    p.choices("checks", DeploymentVerification.Check.class, true), environments(p, true));
            case PRE_DEPLOYMENT_BACKUP -> new PreDeploymentBackup(environments(p, true));

            case COVERAGE -> new CoverageGate(p.number("min", 0, 100));
            case SECURITY_SCAN -> new SecurityScanGate(p.choices("scans", SecurityScanGate.ScanKind.class, false),
                    environments(p, true), p.optionalChoice("failOn", FindingSeverity.class));
            case TESTS -> new RequiredTests(p.choices("kinds", RequiredTests.TestKind.class, true),
                    environments(p, false));
            case STATIC_ANALYSIS -> new StaticAnalysisGate();
            case IMAGE_SCAN -> new ImageScanGate(p.optionalChoice("failOn", FindingSeverity.class));
            case SECURITY_REVIEW -> new SecurityReview(p.choices("scopes", SecurityReview.Scope.class, true));
            case STAGE_DURATION -> new StageDurationBudget(p.duration("max"));
            case FAIL_FAST -> new FailFast();

            case VERSIONING -> new Versioning(p.optionalChoice("scheme", Versioning.Scheme.class),
                    p.flag("changelog"), p.flag("tagRequired"));
            case BRANCHING -> new Branching(p.choice("model", Branching.Model.class),
                    p.integer("reviewsRequired", 0, ANY), p.flag("testsOnPullRequests"));

            case VAULT -> new VaultRequired();
            case SECRET_ROTATION -> new SecretRotation(p.period("maxAge"));
            case NO_PLAINTEXT_SECRETS -> new NoPlaintextSecrets();
            case TEMPORARY_ACCESS -> new TemporaryAccess(p.duration("maxTtl"));
            case ENCRYPTION -> new Encryption(p.flag("atRest"), p.flag("inTransit"));

            case BACKUP -> new BackupSchedule(p.duration("every"), p.integer("copies", 1, ANY),
                    p.flag("separateLocation"), p.choices("sources", BackupSchedule.Source.class, true));
            case RESTORE_DRILL -> new RestoreDrill(p.period("every"), p.duration("rto"), p.duration("rpo"));

            case SEVERITIES -> new SeverityLevels(p.textsByChoice("levels", Severity.class, MEANING));
            case ESCALATION -> new Escalation(p.mappings("tiers", tier -> new Escalation.Tier(
                    tier.text("name", SHORT_TEXT), tier.choice("who", Escalation.Responder.class),
                    tier.offset("after"))));
            case RUNBOOK_REQUIRED -> new RunbookRequired(severities(p), p.optionalPeriod("reviewEvery"));
            case POSTMORTEM -> new Postmortem(severities(p), p.optionalDuration("within"));
            case NOTIFICATION -> new IncidentNotification(
                    p.choices("channels", IncidentNotification.Channel.class, true));
            case STATUS_UPDATES -> new StatusUpdates(severities(p), p.duration("every"));

            case METRICS_ENDPOINT -> new MetricsEndpoint(p.text("path", SHORT_TEXT));
            case ALERT_THRESHOLD -> new AlertThreshold(p.choice("metric", AlertThreshold.Metric.class),
                    p.number("above", 0, 1e9), p.choice("unit", AlertThreshold.Unit.class),
                    p.optionalDuration("sustainedFor"), p.optionalChoice("severity", Severity.class));
            case STRUCTURED_LOGS -> new StructuredLogs(p.choice("format", StructuredLogs.Format.class));
            case TRACING -> new Tracing();
            case CENTRALIZED_LOGS -> new CentralizedLogs(p.optionalPeriod("retention"));
            case NO_SENSITIVE_DATA_IN_LOGS -> new LogRedaction();
            case UPTIME_CHECK -> new UptimeCheck(p.duration("every"));
            case DORA_METRICS -> new DoraMetrics();
            case SERVICE_METRICS -> new ServiceMetrics(p.choices("track", ServiceMetrics.Indicator.class, true));

            case MFA -> new MfaRequired(p.choices("requiredFor", Role.class, false), p.flag("everyone", false));
            case ACCESS_REVIEW -> new AccessReview(p.period("every"));
            case LEAST_PRIVILEGE -> new LeastPrivilege();
            case AUDIT_TRAIL -> new AuditTrailRequired(p.choices("covers", AuditTrailRequired.Subject.class, true));

            case PATCHING -> new Patching(p.period("every"), p.number("immediateAtCvss", 0, 10));
            case PENETRATION_TEST -> new PenetrationTest(p.period("every"));
            case INFRASTRUCTURE_AS_CODE -> new InfrastructureAsCode(p.texts("tools", SHORT_TEXT));
            case INFRASTRUCTURE_CHANGE_APPROVALS -> new InfrastructureChangeApprovals(p.integer("min", 0, ANY));
            case INFRASTRUCTURE_PIPELINE_ONLY -> new InfrastructurePipelineOnly(environments(p, true));
            case REMOTE_STATE -> new RemoteState(p.flag("encrypted"), p.flag("locked"));
            case MODULE_REVIEW -> new ModuleReview(p.period("every"));
        };
    }

    private static Set<Environment> environments(YamlFields p, boolean required) {
        return p.choices("environments", Environment.class, required);
    }

    private static Set<Severity> severities(YamlFields p) {
        return p.choices("severities", Severity.class, true);
    }
}
