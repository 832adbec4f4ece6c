package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * template.yaml holds every deployment invariant, and each check really fails on a template broken
 * in the way it guards against (so a check that cannot fail is caught here too).
 */
class TemplateInvariantsTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("drivelog.repo.dir", "."), "template.yaml");

    private static SamTemplate shipped() throws IOException {
        return SamTemplate.load(TEMPLATE);
    }

    private static List<String> holdsOnShipped(Function<TemplateInvariants, List<String>> check) throws IOException {
        return check.apply(new TemplateInvariants(shipped()));
    }

    /** Runs the check on a copy of template.yaml changed by {@code breakIt}; returns the problems found. */
    private static List<String> afterBreaking(Consumer<SamTemplate> breakIt, Function<TemplateInvariants, List<String>> check)
            throws IOException {
        SamTemplate template = shipped();
        breakIt.accept(template);
        return check.apply(new TemplateInvariants(template));
    }

    private static void assertReported(List<String> problems, String expectedFragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedFragment)),
                "expected a problem mentioning '" + expectedFragment + "', got " + problems);
    }

    private static Map<String, Object> props(SamTemplate t, String id) {
        return t.properties(id);
    }

    private static Map<String, Object> environment(SamTemplate t, String function) {
        return SamTemplate.map(SamTemplate.map(props(t, function).get("Environment")).get("Variables"));
    }

    private static Map<String, Object> scheduleEvent(SamTemplate t) {
        return SamTemplate.map(SamTemplate.map(SamTemplate.map(props(t, "ReconcileFunction").get("Events")).get("Schedule"))
                .get("Properties"));
    }

    private static Map<String, Object> roleStatement(SamTemplate t, String sid) {
        return roleStatement(t, "FunctionRole", sid);
    }

    private static Map<String, Object> roleStatement(SamTemplate t, String role, String sid) {
        for (Object p : SamTemplate.list(props(t, role).get("Policies"))) {
            for (Object s : SamTemplate.list(SamTemplate.map(SamTemplate.map(p).get("PolicyDocument")).get("Statement"))) {
                if (sid.equals(SamTemplate.map(s).get("Sid"))) {
                    return SamTemplate.map(s);
                }
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    @Test
    void load_shortFormTags_becomeLongFormIntrinsics() throws IOException {
        SamTemplate template = shipped();
        assertEquals(Map.of("Fn::GetAtt", List.of("JobQueue", "Arn")),
                SamTemplate.map(SamTemplate.map(props(template, "DrivelogFunction").get("Events")).get("DriveLogs"))
                        .entrySet().stream().filter(e -> e.getKey().equals("Properties"))
                        .map(e -> SamTemplate.map(e.getValue()).get("Queue")).findFirst().orElseThrow());
        assertEquals(Map.of("Ref", "FunctionTimeoutSeconds"), props(template, "DrivelogFunction").get("Timeout"));
    }

    @Test
    void function_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::function));
    }

    @Test
    void function_zipPackageAndTextLogs_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            props(t, "DrivelogFunction").put("PackageType", "Zip");
            SamTemplate.map(props(t, "DrivelogFunction").get("LoggingConfig")).put("LogFormat", "Text");
            props(t, "DrivelogFunction").put("Timeout", 300);
        }, TemplateInvariants::function);
        assertReported(problems, "PackageType must be Image");
        assertReported(problems, "LogFormat must be JSON");
        assertReported(problems, "Timeout must come from a parameter");
    }

    @Test
    void function_configOverrideWithOneUnderscore_reported() throws IOException {
        List<String> problems = afterBreaking(t -> SamTemplate.map(SamTemplate.map(props(t, "DrivelogFunction").get("Environment"))
                .get("Variables")).put("DRIVELOG_PIPELINE_OUTPUT_PREFIX", "results/"), TemplateInvariants::function);
        assertReported(problems, "DRIVELOG_PIPELINE_OUTPUT_PREFIX overrides no config key (use two underscores: "
                + "DRIVELOG_PIPELINE__OUTPUT_PREFIX)");
    }

    @Test
    void expectedBucketOwner_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::expectedBucketOwner));
    }

    @Test
    void expectedBucketOwner_missingOrLiteral_reported() throws IOException {
        List<String> missing = afterBreaking(t -> SamTemplate.map(SamTemplate.map(props(t, "DrivelogFunction").get("Environment"))
                .get("Variables")).remove("DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER"), TemplateInvariants::expectedBucketOwner);
        assertReported(missing, "DrivelogFunction: Environment DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER must be !Ref AWS::AccountId");
        List<String> literal = afterBreaking(t -> SamTemplate.map(SamTemplate.map(props(t, "DrivelogFunction").get("Environment"))
                .get("Variables")).put("DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER", "123456789012"), TemplateInvariants::expectedBucketOwner);
        assertReported(literal, "must be !Ref AWS::AccountId, got 123456789012");
    }

    @Test
    void eventSource_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::eventSource));
    }

    @Test
    void eventSource_withoutPartialBatchResponseOrConcurrencyCap_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            Map<String, Object> source = SamTemplate.map(SamTemplate.map(SamTemplate.map(
                    props(t, "DrivelogFunction").get("Events")).get("DriveLogs")).get("Properties"));
            source.remove("FunctionResponseTypes");
            source.remove("ScalingConfig");
        }, TemplateInvariants::eventSource);
        assertReported(problems, "ReportBatchItemFailures");
        assertReported(problems, "MaximumConcurrency");
    }

    @Test
    void visibilityTimeout_shippedTemplate_atLeastSixTimesEveryAllowedTimeout() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::visibilityTimeout));
    }

    @Test
    void visibilityTimeout_mappingRowTooShort_reported() throws IOException {
        List<String> problems = afterBreaking(t -> SamTemplate.map(SamTemplate.map(t.mappings().get("TimeoutToVisibility"))
                .get("900")).put("VisibilityTimeoutSeconds", 900), TemplateInvariants::visibilityTimeout);
        assertReported(problems, "VisibilityTimeout 900 s < 6 x function timeout 900 s");
    }

    @Test
    void visibilityTimeout_literalBelowSixTimes_reported() throws IOException {
        List<String> problems = afterBreaking(t -> props(t, "JobQueue").put("VisibilityTimeout", 60),
                TemplateInvariants::visibilityTimeout);
        assertReported(problems, "VisibilityTimeout 60 s < 6 x function timeout 60 s");
    }

    @Test
    void redriveAndEncryption_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::redriveAndEncryption));
    }

    @Test
    void redriveAndEncryption_lowMaxReceiveAndPlainQueue_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            SamTemplate.map(t.parameters().get("MaxReceiveCount")).put("MinValue", 1);
            props(t, "DeadLetterQueue").remove("SqsManagedSseEnabled");
        }, TemplateInvariants::redriveAndEncryption);
        assertReported(problems, "MinValue >= 5");
        assertReported(problems, "DeadLetterQueue: queue must be encrypted");
    }

    @Test
    void redriveAndEncryption_noDeadLetterQueue_reported() throws IOException {
        List<String> problems = afterBreaking(t -> props(t, "JobQueue").remove("RedrivePolicy"),
                TemplateInvariants::redriveAndEncryption);
        assertReported(problems, "deadLetterTargetArn");
    }

    @Test
    void queuePolicy_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::queuePolicy));
    }

    @Test
    void queuePolicy_withoutSourceConditions_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            Map<String, Object> document = SamTemplate.map(props(t, "JobQueuePolicy").get("PolicyDocument"));
            SamTemplate.map(SamTemplate.list(document.get("Statement")).getFirst()).remove("Condition");
        }, TemplateInvariants::queuePolicy);
        assertReported(problems, "aws:SourceArn must be the input bucket");
        assertReported(problems, "aws:SourceAccount condition missing");
    }

    @Test
    void notification_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::notification));
    }

    @Test
    void notification_suffixOnlyFilter_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            Map<String, Object> configuration = SamTemplate.map(SamTemplate.list(SamTemplate.map(
                    props(t, "InputBucket").get("NotificationConfiguration")).get("QueueConfigurations")).getFirst());
            SamTemplate.map(SamTemplate.map(configuration.get("Filter")).get("S3Key"))
                    .put("Rules", List.of(Map.of("Name", "suffix", "Value", ".csv")));
        }, TemplateInvariants::notification);
        assertReported(problems, "needs a prefix rule");
    }

    @Test
    void buckets_shippedTemplate_hold() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::buckets));
    }

    @Test
    void buckets_publicUnencryptedWithoutTlsPolicy_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            props(t, "OutputBucket").remove("BucketEncryption");
            SamTemplate.map(props(t, "OutputBucket").get("PublicAccessBlockConfiguration")).put("BlockPublicPolicy", false);
            props(t, "OutputBucket").remove("LifecycleConfiguration");
            t.resources().remove("OutputBucketPolicy");
        }, TemplateInvariants::buckets);
        assertReported(problems, "OutputBucket: BucketEncryption missing");
        assertReported(problems, "BlockPublicPolicy must be true");
        assertReported(problems, "AbortIncompleteMultipartUpload");
        assertReported(problems, "OutputBucket: needs a bucket policy denying aws:SecureTransport=false");
    }

    @Test
    void leastPrivilege_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::leastPrivilege));
    }

    @Test
    void leastPrivilege_wildcardActionAndWholeBucketWrite_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            roleStatement(t, "ReadDriveLogs").put("Action", List.of("s3:Get*"));
            roleStatement(t, "WriteResults").put("Resource", Map.of("Fn::Sub", "${OutputBucket.Arn}/*"));
        }, TemplateInvariants::leastPrivilege);
        assertReported(problems, "wildcard action s3:Get*");
        assertReported(problems, "s3:PutObject only on the output bucket's output prefix");
    }

    @Test
    void leastPrivilege_readOutsideInputPrefixAndMissingSqsAction_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            roleStatement(t, "ReadDriveLogs").put("Resource", Map.of("Fn::Sub", "${InputBucket.Arn}/*"));
            roleStatement(t, "ConsumeJobQueue").put("Action", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"));
            roleStatement(t, "ListInputPrefix").remove("Condition");
        }, TemplateInvariants::leastPrivilege);
        assertReported(problems, "s3:GetObject only on the input prefix");
        assertReported(problems, "needs sqs:ChangeMessageVisibility");
        assertReported(problems, "s3:ListBucket needs an s3:prefix condition");
    }

    @Test
    void alarms_shippedTemplate_hold() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::alarms));
    }

    @Test
    void alarms_dlqAlarmOnWrongQueueAndNoThrottlesAlarm_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            props(t, "DeadLetterQueueNotEmptyAlarm").put("Dimensions",
                    List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of("JobQueue", "QueueName")))));
            t.resources().remove("FunctionThrottlesAlarm");
        }, TemplateInvariants::alarms);
        assertReported(problems, "dead-letter queue's ApproximateNumberOfMessagesVisible");
        assertReported(problems, "Throttles");
    }

    @Test
    void alarms_noAlarmOnInputsThatAreNotRetried_reported() throws IOException {
        List<String> problems = afterBreaking(t -> t.resources().remove("InputsNotRetriedAlarm"), TemplateInvariants::alarms);
        assertReported(problems, "no alarm on the worker's Rejected metric");
        assertReported(problems, "no alarm on the worker's Dropped metric");
    }

    @Test
    void outputs_shippedTemplate_hold() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::outputs));
    }

    @Test
    void outputs_missingQueueUrl_reported() throws IOException {
        List<String> problems = afterBreaking(t -> t.outputs().remove("JobQueueUrl"), TemplateInvariants::outputs);
        assertReported(problems, "output JobQueueUrl");
    }

    @Test
    void function_thirdFunctionWithoutInvariants_reported() throws IOException {
        List<String> problems = afterBreaking(t -> t.resources().put("ExtraFunction",
                Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of("PackageType", "Image"))), TemplateInvariants::function);
        assertReported(problems, "ExtraFunction: neither the worker (SQS event) nor the reconciler (Schedule event)");
    }

    @Test
    void reconciler_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::reconciler));
    }

    @Test
    void reconciler_workersHandlerFixedScheduleAndRetries_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            SamTemplate.map(props(t, "ReconcileFunction").get("ImageConfig")).put("Command", List.of(TemplateInvariants.HANDLER));
            scheduleEvent(t).put("Schedule", "rate(1 hour)");
            scheduleEvent(t).put("State", "ENABLED");
            props(t, "ReconcileFunction").remove("EventInvokeConfig");
        }, TemplateInvariants::reconciler);
        assertReported(problems, "ImageConfig.Command must be [" + TemplateInvariants.RECONCILE_HANDLER + "]");
        assertReported(problems, "Schedule must come from a parameter");
        assertReported(problems, "State (or Enabled) must follow a parameter");
        assertReported(problems, "MaximumRetryAttempts must be 0");
    }

    @Test
    void reconciler_resultVersionEnvironmentDiffersFromWorker_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            environment(t, "ReconcileFunction").remove("DRIVELOG_MAP");
            environment(t, "ReconcileFunction").put("DRIVELOG_PIPELINE__OUTPUT_PREFIX", "elsewhere/");
            environment(t, "DrivelogFunction").put("DRIVELOG_LOGS__SPEED_UNIT", "kmh");
            environment(t, "ReconcileFunction").put("DRIVELOG_RECONCILE__QUEUE_URL", Map.of("Ref", "DeadLetterQueue"));
            environment(t, "ReconcileFunction").put("DRIVELOG_RECONCILE_SINCE_HOURS", "24");
        }, TemplateInvariants::reconciler);
        assertReported(problems, "Environment DRIVELOG_MAP must equal the worker's");
        assertReported(problems, "Environment DRIVELOG_PIPELINE__OUTPUT_PREFIX must equal the worker's");
        assertReported(problems, "Environment DRIVELOG_LOGS__SPEED_UNIT must equal the worker's");
        assertReported(problems, "DRIVELOG_RECONCILE__QUEUE_URL must be !Ref of the job queue");
        assertReported(problems, "DRIVELOG_RECONCILE_SINCE_HOURS overrides no config key");
    }

    @Test
    void reconciler_otherImageAndWorkersLogGroup_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            props(t, "ReconcileFunction").put("ImageUri", "111122223333.dkr.ecr.us-east-1.amazonaws.com/other:1");
            SamTemplate.map(props(t, "ReconcileFunction").get("LoggingConfig")).put("LogGroup", Map.of("Ref", "FunctionLogGroup"));
        }, TemplateInvariants::reconciler);
        assertReported(problems, "ImageUri must be the worker's");
        assertReported(problems, "LogGroup must be its own");
    }

    @Test
    void reconcilerPrivilege_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::reconcilerPrivilege));
    }

    @Test
    void reconcilerPrivilege_writeAndDeleteObjects_reported() throws IOException {
        List<String> problems = afterBreaking(t -> roleStatement(t, "ReconcileRole", "HeadManifests")
                .put("Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject")), TemplateInvariants::reconcilerPrivilege);
        assertReported(problems, "unexpected action s3:PutObject");
        assertReported(problems, "unexpected action s3:DeleteObject");
    }

    @Test
    void reconcilerPrivilege_sendToAnotherQueueAndHeadWholeBucket_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            roleStatement(t, "ReconcileRole", "EnqueueJobs").put("Resource", Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")));
            roleStatement(t, "ReconcileRole", "HeadManifests").put("Resource", Map.of("Fn::Sub", "${OutputBucket.Arn}/*"));
            roleStatement(t, "ReconcileRole", "ListInputPrefix").remove("Condition");
        }, TemplateInvariants::reconcilerPrivilege);
        assertReported(problems, "sqs:SendMessage beyond its place");
        assertReported(problems, "s3:GetObject beyond its place");
        assertReported(problems, "s3:ListBucket beyond its place");
        assertReported(problems, "needs sqs:SendMessage on the job queue");
    }

    @Test
    void reconcilerPrivilege_workersRole_reported() throws IOException {
        List<String> problems = afterBreaking(t -> props(t, "ReconcileFunction").put("Role",
                Map.of("Fn::GetAtt", List.of("FunctionRole", "Arn"))), TemplateInvariants::reconcilerPrivilege);
        assertReported(problems, "needs a role of its own");
        assertReported(problems, "unexpected action s3:PutObject");
        assertReported(problems, "unexpected action sqs:ReceiveMessage");
    }

    @Test
    void alarms_noReconcileErrorsAlarmAndIncompletePassesNotCounted_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            t.resources().remove("ReconcileErrorsAlarm");
            props(t, "ReconcileIncompleteMetricFilter").put("FilterPattern", "{ $.level = \"ERROR\" }");
        }, TemplateInvariants::alarms);
        assertReported(problems, "no alarm on the reconciler's Errors");
        assertReported(problems, "no alarm on incomplete reconcile passes");
    }

    @Test
    void outputs_missingReconcileFunctionName_reported() throws IOException {
        List<String> problems = afterBreaking(t -> t.outputs().remove("ReconcileFunctionName"), TemplateInvariants::outputs);
        assertReported(problems, "output ReconcileFunctionName");
    }

    @Test
    void athenaDataset_shippedTemplate_holds() throws IOException {
        assertEquals(List.of(), holdsOnShipped(TemplateInvariants::athenaDataset));
    }

    @Test
    void athenaDataset_locationBesideTheResultsAndNoVersionPartition_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            Map<String, Object> table = SamTemplate.map(props(t, "ViolationsTable").get("TableInput"));
            // The layout before issue 14: one dataset per day, no result version, where the writer never wrote.
            SamTemplate.map(table.get("StorageDescriptor")).put("Location", Map.of("Fn::Sub", "s3://${OutputBucket}/violations/"));
            table.put("PartitionKeys", List.of(Map.of("Name", "dt", "Type", "string")));
            SamTemplate.map(table.get("Parameters")).remove("projection.result_version.type");
        }, TemplateInvariants::athenaDataset);
        assertReported(problems, "StorageDescriptor.Location must be !Sub \"s3://${OutputBucket}/${OutputPrefix}violations/\"");
        assertReported(problems, "PartitionKeys must be [result_version, dt]");
        assertReported(problems, "projection.result_version.type must be injected");
    }

    @Test
    void athenaDataset_templateNotMatchingTheWriterAndNoWorkGroup_reported() throws IOException {
        List<String> problems = afterBreaking(t -> {
            SamTemplate.map(SamTemplate.map(props(t, "ViolationsTable").get("TableInput")).get("Parameters"))
                    .put("storage.location.template", Map.of("Fn::Sub", "s3://${OutputBucket}/${OutputPrefix}violations/dt=${!dt}/"));
            t.resources().remove("AthenaWorkGroup");
        }, TemplateInvariants::athenaDataset);
        assertReported(problems, "storage.location.template must be");
        assertReported(problems, "expected an AWS::Athena::WorkGroup");
    }
}
