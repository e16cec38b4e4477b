package dev.gantry.domain.policy.params;

/**
 * The typed parameters of one rule; each kind of rule has exactly one record (see {@code RuleKind}).
 * Sealed so that code enforcing a pack can {@code switch} over every kind and the compiler notices a new one.
 */
public sealed interface RuleParameters
        permits AccessReview, AlertThreshold, AuditTrailRequired, AutomaticApproval, BackupSchedule, Branching,
                CentralizedLogs, ContinuousDeployment, CoverageGate, DeploymentStrategy, DeploymentTrigger,
                DeploymentVerification, DoraMetrics, Encryption, Escalation, FailFast, ImageScanGate,
                IncidentNotification, InfrastructureAsCode, InfrastructureChangeApprovals,
                InfrastructurePipelineOnly, LeastPrivilege, LogRedaction, MetricsEndpoint, MfaRequired, ModuleReview,
                NoPlaintextSecrets, Patching, PenetrationTest, PipelineOnlyDeployments, Postmortem,
                PreDeploymentBackup, ProductionApprovals, RemoteState, RequiredTests, RestoreDrill, Rollback,
                RunbookRequired, SecretRotation, SecurityReview, SecurityScanGate, ServiceMetrics, SeverityLevels,
                StageDurationBudget, StaticAnalysisGate, StatusUpdates, StructuredLogs, TemporaryAccess, Tracing,
                UptimeCheck, VaultRequired, Versioning, ZeroDowntime {

    /** The rule in one line, as a person reads it in the policy view and in evidence. */
    String summary();
}
