package dev.gantry.domain.policy;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of rule a pack may hold: its name in YAML, its area and its parameter record.
 * A pack naming any other kind is refused, so a typo can never switch a rule off.
 */
public enum RuleKind {
    PRODUCTION_APPROVALS("deploy.production.approvals", PolicyArea.DEPLOYMENT, ProductionApprovals.class),
    AUTOMATIC_APPROVAL("deploy.automaticApproval", PolicyArea.DEPLOYMENT, AutomaticApproval.class),
    STRATEGY("deploy.strategy", PolicyArea.DEPLOYMENT, DeploymentStrategy.class),
    ROLLBACK("deploy.rollback", PolicyArea.DEPLOYMENT, Rollback.class),
    CONTINUOUS_DEPLOYMENT("deploy.continuous", PolicyArea.DEPLOYMENT, ContinuousDeployment.class),
    TRIGGER("deploy.trigger", PolicyArea.DEPLOYMENT, DeploymentTrigger.class),
    ZERO_DOWNTIME("deploy.zeroDowntime", PolicyArea.DEPLOYMENT, ZeroDowntime.class),
    PIPELINE_ONLY("deploy.pipelineOnly", PolicyArea.DEPLOYMENT, PipelineOnlyDeployments.class),
    VERIFICATION("deploy.verification", PolicyArea.DEPLOYMENT, DeploymentVerification.class),
    PRE_DEPLOYMENT_BACKUP("deploy.preDeploymentBackup", PolicyArea.DEPLOYMENT, PreDeploymentBackup.class),

    COVERAGE("gate.coverage", PolicyArea.QUALITY_GATES, CoverageGate.class),
    SECURITY_SCAN("gate.securityScan", PolicyArea.QUALITY_GATES, SecurityScanGate.class),
    TESTS("gate.tests", PolicyArea.QUALITY_GATES, RequiredTests.class),
    STATIC_ANALYSIS("gate.staticAnalysis", PolicyArea.QUALITY_GATES, StaticAnalysisGate.class),
    IMAGE_SCAN("gate.imageScan", PolicyArea.QUALITY_GATES, ImageScanGate.class),
    SECURITY_REVIEW("gate.securityReview", PolicyArea.QUALITY_GATES, SecurityReview.class),
    STAGE_DURATION("pipeline.stageDuration", PolicyArea.QUALITY_GATES, StageDurationBudget.class),
    FAIL_FAST("pipeline.failFast", PolicyArea.QUALITY_GATES, FailFast.class),

    VERSIONING("release.versioning", PolicyArea.RELEASE, Versioning.class),
    BRANCHING("source.branching", PolicyArea.RELEASE, Branching.class),

    VAULT("secrets.vault", PolicyArea.SECRETS, VaultRequired.class),
    SECRET_ROTATION("secrets.rotation", PolicyArea.SECRETS, SecretRotation.class),
    NO_PLAINTEXT_SECRETS("secrets.noPlaintextInRepositories", PolicyArea.SECRETS, NoPlaintextSecrets.class),
    TEMPORARY_ACCESS("secrets.temporaryAccess", PolicyArea.SECRETS, TemporaryAccess.class),
    ENCRYPTION("data.encryption", PolicyArea.SECRETS, Encryption.class),

    BACKUP("recovery.backup", PolicyArea.RECOVERY, BackupSchedule.class),
    RESTORE_DRILL("recovery.drill", PolicyArea.RECOVERY, RestoreDrill.class),

    SEVERITIES("incidents.severities", PolicyArea.INCIDENTS, SeverityLevels.class),
    ESCALATION("incidents.escalation", PolicyArea.INCIDENTS, Escalation.class),
    RUNBOOK_REQUIRED("incidents.runbookRequired", PolicyArea.INCIDENTS, RunbookRequired.class),
    POSTMORTEM("incidents.postmortem", PolicyArea.INCIDENTS, Postmortem.class),
    NOTIFICATION("incidents.notification", PolicyArea.INCIDENTS, IncidentNotification.class),
    STATUS_UPDATES("incidents.statusUpdates", PolicyArea.INCIDENTS, StatusUpdates.class),

    METRICS_ENDPOINT("monitoring.metricsEndpoint", PolicyArea.MONITORING, MetricsEndpoint.class),
    ALERT_THRESHOLD("monitoring.alertThreshold", PolicyArea.MONITORING, AlertThreshold.class),
    STRUCTURED_LOGS("monitoring.structuredLogs", PolicyArea.MONITORING, StructuredLogs.class),
    TRACING("monitoring.tracing", PolicyArea.MONITORING, Tracing.class),
    CENTRALIZED_LOGS("monitoring.centralizedLogs", PolicyArea.MONITORING, CentralizedLogs.class),
    NO_SENSITIVE_DATA_IN_LOGS("monitoring.noSensitiveDataInLogs", PolicyArea.MONITORING, LogRedaction.class),
    UPTIME_CHECK("monitoring.uptimeCheck", PolicyArea.MONITORING, UptimeCheck.class),
    DORA_METRICS("metrics.dora", PolicyArea.MONITORING, DoraMetrics.class),
    SERVICE_METRICS("metrics.service", PolicyArea.MONITORING, ServiceMetrics.class),

    MFA("access.mfa", PolicyArea.ACCESS, MfaRequired.class),
    ACCESS_REVIEW("access.review", PolicyArea.ACCESS, AccessReview.class),
    LEAST_PRIVILEGE("access.leastPrivilege", PolicyArea.ACCESS, LeastPrivilege.class),
    AUDIT_TRAIL("audit.trail", PolicyArea.ACCESS, AuditTrailRequired.class),

    PATCHING("operations.patching", PolicyArea.OPERATIONS, Patching.class),
    PENETRATION_TEST("operations.penetrationTest", PolicyArea.OPERATIONS, PenetrationTest.class),
    INFRASTRUCTURE_AS_CODE("infra.asCode", PolicyArea.OPERATIONS, InfrastructureAsCode.class),
    INFRASTRUCTURE_CHANGE_APPROVALS("infra.changeApprovals", PolicyArea.OPERATIONS,
            InfrastructureChangeApprovals.class),
    INFRASTRUCTURE_PIPELINE_ONLY("infra.pipelineOnly", PolicyArea.OPERATIONS, InfrastructurePipelineOnly.class),
    REMOTE_STATE("infra.remoteState", PolicyArea.OPERATIONS, RemoteState.class),
    MODULE_REVIEW("infra.moduleReview", PolicyArea.OPERATIONS, ModuleReview.class);

    private static final Map<String, RuleKind> BY_YAML_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RuleKind::yamlName, Function.identity()));

    private final String yamlName;
    private final PolicyArea area;
    private final Class<? extends RuleParameters> parametersType;

    RuleKind(String yamlName, PolicyArea area, Class<? extends RuleParameters> parametersType) {
        this.yamlName = yamlName;
        this.area = area;
        this.parametersType = parametersType;
    }

    public String yamlName() {
        return yamlName;
    }

    public PolicyArea area() {
        return area;
    }

    public Class<? extends RuleParameters> parametersType() {
        return parametersType;
    }

    public static Optional<RuleKind> fromYamlName(String yamlName) {
        return Optional.ofNullable(BY_YAML_NAME.get(yamlName));
    }

    /** The YAML names in alphabetical order, as shown to someone who wrote an unknown kind. */
    public static List<String> yamlNames() {
        return BY_YAML_NAME.keySet().stream().sorted().toList();
    }
}
