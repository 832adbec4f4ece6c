package dev.drivelog.deploy;

import static dev.drivelog.deploy.SamTemplate.getAttTarget;
import static dev.drivelog.deploy.SamTemplate.list;
import static dev.drivelog.deploy.SamTemplate.map;
import static dev.drivelog.deploy.SamTemplate.refTarget;

import dev.drivelog.lambda.ReconcileHandler;
import dev.drivelog.observability.PipelineMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deployment's invariants, each a check that returns what is wrong (empty when it holds). Checks
 * find resources by their role (the function's SQS event source, the queue the input bucket notifies,
 * ...) rather than trusting names, so that renaming a resource cannot make a check pass vacuously.
 */
final class TemplateInvariants {
    static final String HANDLER = "dev.drivelog.lambda.SqsBatchHandler::handleRequest";
    static final String RECONCILE_HANDLER = "dev.drivelog.lambda.ReconcileHandler::handleRequest";
    static final int MIN_VISIBILITY_FACTOR = 6;
    static final int MIN_MAX_RECEIVE_COUNT = 5;
    /** e.g. DRIVELOG_PIPELINE_OUTPUT_BUCKET: a section of config/drivelog.yaml joined to its key by one underscore. */
    private static final Pattern CONFIG_SECTION_WITH_ONE_UNDERSCORE =
            Pattern.compile("DRIVELOG_(ANALYSIS|LOGS|OUTPUT|PIPELINE|RECONCILE)_[A-Z0-9].*");
    /** Variables that decide the result version (engine, configuration, map): where results are looked for. */
    private static final Pattern RESULT_VERSION_VARIABLE =
            Pattern.compile("DRIVELOG_(MAP|CONFIG|ANALYSIS|(ANALYSIS|LOGS|OUTPUT|PIPELINE)__.+)");
    /** What the reconciler may do: list, HEAD (authorised as s3:GetObject), enqueue, log. */
    static final Set<String> RECONCILE_ACTIONS = Set.of("s3:ListBucket", "s3:GetObject", "sqs:SendMessage",
            "logs:CreateLogStream", "logs:PutLogEvents");
    static final Set<String> SQS_EVENT_SOURCE_ACTIONS = Set.of(
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility");
    static final Set<String> S3_READ_ACTIONS = Set.of("s3:GetObject", "s3:GetObjectVersion");
    static final Set<String> S3_WRITE_ACTIONS = Set.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");

    private final SamTemplate template;

    TemplateInvariants(SamTemplate template) {
        this.template = template;
    }

    // ------------------------------------------------------------------ the function

    /** The worker (the function with the SQS event), as an image with handler, sizes from parameters and JSON logs. */
    List<String> function() {
        List<String> problems = new ArrayList<>();
        List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
        List<String> workers = functionsWithEvent("SQS");
        if (workers.size() != 1) {
            return List.of("expected exactly one function with an SQS event (the worker), found " + workers);
        }
        for (String other : functions) {
            // Every function needs its own invariants here: a worker, or the scheduled reconciler.
            require(problems, workers.contains(other) || functionsWithEvent("Schedule").contains(other),
                    other + ": neither the worker (SQS event) nor the reconciler (Schedule event); add its invariants");
        }
        String id = workers.getFirst();
        Map<String, Object> props = template.properties(id);
        require(problems, "Image".equals(props.get("PackageType")), id + ": PackageType must be Image");
        require(problems, props.containsKey("ImageUri"), id + ": ImageUri missing");
        Map<String, Object> metadata = map(template.resource(id).get("Metadata"));
        require(problems, metadata.containsKey("Dockerfile") && metadata.containsKey("DockerContext"),
                id + ": Metadata needs Dockerfile and DockerContext for sam build");
        require(problems, list(map(props.get("ImageConfig")).get("Command")).contains(HANDLER),
                id + ": ImageConfig.Command must name " + HANDLER);
        require(problems, !list(props.get("Architectures")).isEmpty(), id + ": Architectures missing");
        for (String key : List.of("MemorySize", "Timeout")) {
            require(problems, template.referencedParameter(props.get(key)).isPresent(),
                    id + ": " + key + " must come from a parameter");
        }
        require(problems, template.referencedParameter(map(props.get("EphemeralStorage")).get("Size")).isPresent(),
                id + ": EphemeralStorage.Size must come from a parameter");
        require(problems, "JSON".equals(map(props.get("LoggingConfig")).get("LogFormat")),
                id + ": LoggingConfig.LogFormat must be JSON");
        Map<String, Object> environment = map(map(props.get("Environment")).get("Variables"));
        require(problems, environment.containsKey("DRIVELOG_PIPELINE__OUTPUT_BUCKET") && environment.containsKey("DRIVELOG_PIPELINE__OUTPUT_PREFIX"),
                id + ": Environment must name the output bucket and prefix");
        problems.addAll(overridesWithOneUnderscore(id, environment));
        return problems;
    }

    private static List<String> overridesWithOneUnderscore(String id, Map<String, Object> environment) {
        List<String> problems = new ArrayList<>();
        for (String name : environment.keySet()) {
            // The configuration reads DRIVELOG_<SECTION>__<KEY>; one underscore is silently no override.
            if (CONFIG_SECTION_WITH_ONE_UNDERSCORE.matcher(name).matches()) {
                problems.add(id + ": Environment variable " + name + " overrides no config key (use two underscores: "
                        + name.replaceFirst("^(DRIVELOG_[A-Z]+)_", "$1__") + ")");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ the reconciler

    /**
     * The scheduled reconciler: the worker's image with its own handler, a schedule and an on/off
     * switch from parameters, no retries, its own log group, and the worker's result-version
     * environment, so that it looks for manifests exactly where the worker writes them.
     */
    List<String> reconciler() {
        Optional<String> reconciler = reconcilerId();
        if (reconciler.isEmpty()) {
            return noSingleReconciler();
        }
        String id = reconciler.get();
        String worker = functionId();
        List<String> problems = new ArrayList<>();
        Map<String, Object> props = template.properties(id);
        Map<String, Object> workerProps = template.properties(worker);
        require(problems, !id.equals(worker), id + ": the reconciler must be a function of its own, not the worker");
        require(problems, "Image".equals(props.get("PackageType")), id + ": PackageType must be Image");
        for (String key : List.of("ImageUri", "Architectures")) {
            require(problems, props.get(key) != null && props.get(key).equals(workerProps.get(key)),
                    id + ": " + key + " must be the worker's (" + workerProps.get(key) + "), is " + props.get(key));
        }
        require(problems, map(template.resource(id).get("Metadata")).equals(map(template.resource(worker).get("Metadata"))),
                id + ": Metadata must be the worker's, so that sam build makes one image");
        require(problems, list(map(props.get("ImageConfig")).get("Command")).equals(List.of(RECONCILE_HANDLER)),
                id + ": ImageConfig.Command must be [" + RECONCILE_HANDLER + "]");
        require(problems, template.referencedParameter(props.get("Timeout")).isPresent(), id + ": Timeout must come from a parameter");
        Map<String, Object> logging = map(props.get("LoggingConfig"));
        require(problems, "JSON".equals(logging.get("LogFormat")), id + ": LoggingConfig.LogFormat must be JSON");
        Optional<String> logGroup = refTarget(logging.get("LogGroup"));
        require(problems, logGroup.filter(g -> "AWS::Logs::LogGroup".equals(template.resource(g).get("Type"))).isPresent()
                        && !logGroup.equals(refTarget(map(workerProps.get("LoggingConfig")).get("LogGroup"))),
                id + ": LoggingConfig.LogGroup must be its own AWS::Logs::LogGroup");
        require(problems, number(map(props.get("EventInvokeConfig")).get("MaximumRetryAttempts")).filter(n -> n.intValue() == 0).isPresent(),
                id + ": EventInvokeConfig.MaximumRetryAttempts must be 0 (the next scheduled pass is the retry)");

        Map<String, Object> schedule = map(map(map(props.get("Events")).values().stream().map(SamTemplate::map)
                .filter(e -> "Schedule".equals(e.get("Type"))).findFirst().orElse(Map.of())).get("Properties"));
        Optional<Map<String, Object>> expression = template.referencedParameter(schedule.get("Schedule"));
        require(problems, expression.filter(p -> String.valueOf(p.get("Default")).matches("(rate|cron)\\(.+\\)")).isPresent(),
                id + ": Schedule must come from a parameter whose default is a rate() or cron() expression");
        Object state = schedule.containsKey("State") ? schedule.get("State") : schedule.get("Enabled");
        require(problems, map(state).containsKey("Fn::If") || template.referencedParameter(state).isPresent(),
                id + ": the schedule's State (or Enabled) must follow a parameter, so that it can be switched off");

        Map<String, Object> environment = map(map(props.get("Environment")).get("Variables"));
        Map<String, Object> workerEnvironment = map(map(workerProps.get("Environment")).get("Variables"));
        Set<String> names = new java.util.TreeSet<>(environment.keySet());
        names.addAll(workerEnvironment.keySet());
        for (String name : names) {
            if (RESULT_VERSION_VARIABLE.matcher(name).matches()) {
                require(problems, java.util.Objects.equals(environment.get(name), workerEnvironment.get(name)),
                        id + ": Environment " + name + " must equal the worker's (it decides the result version, so where "
                                + "results are looked for): worker " + workerEnvironment.get(name) + ", reconciler " + environment.get(name));
            }
        }
        String inputPath = "s3://${" + inputBucket().orElse("?") + "}/${InputPrefix}";
        require(problems, inputPath.equals(subText(environment.get("DRIVELOG_RECONCILE__INPUT"))),
                id + ": DRIVELOG_RECONCILE__INPUT must be !Sub \"" + inputPath + "\" (the bucket and prefix the worker is notified of)");
        require(problems, jobQueue().isPresent() && refTarget(environment.get("DRIVELOG_RECONCILE__QUEUE_URL")).equals(jobQueue()),
                id + ": DRIVELOG_RECONCILE__QUEUE_URL must be !Ref of the job queue");
        problems.addAll(overridesWithOneUnderscore(id, environment));
        return problems;
    }

    /** The reconciler's role: list the two prefixes, HEAD objects under them, send to the job queue, log; nothing else. */
    List<String> reconcilerPrivilege() {
        Optional<String> reconciler = reconcilerId();
        if (reconciler.isEmpty()) {
            return noSingleReconciler();
        }
        String id = reconciler.get();
        List<String> problems = new ArrayList<>();
        Optional<String> role = ownRole(id, problems);
        if (role.isEmpty()) {
            return problems;
        }
        require(problems, !role.equals(getAttTarget(template.properties(functionId()).get("Role"), "Arn")),
                id + ": needs a role of its own, not the worker's (which may write results)");
        Optional<String> logGroup = refTarget(map(template.properties(id).get("LoggingConfig")).get("LogGroup"));
        Set<String> granted = new java.util.HashSet<>();
        for (Map<String, Object> statement : allowStatements(role.get())) {
            String sid = role.get() + "/" + statement.getOrDefault("Sid", "?");
            List<Object> resources = list(statement.get("Resource"));
            for (String action : list(statement.get("Action")).stream().map(String::valueOf).toList()) {
                boolean held = switch (action) {
                    case "s3:ListBucket" -> conditionValue(map(statement.get("Condition")), "s3:prefix", "StringLike", "StringEquals") != null
                            && resources.stream().allMatch(r -> getAttTarget(r, "Arn").filter(b -> b.equals(inputBucket().orElse(""))
                                    || b.equals(outputBucket().orElse(""))).isPresent());
                    case "s3:GetObject" -> resources.stream().allMatch(r -> objectsUnder(r, inputBucket(), "InputPrefix")
                            || objectsUnder(r, outputBucket(), "OutputPrefix"));
                    case "sqs:SendMessage" -> resources.stream().allMatch(r -> getAttTarget(r, "Arn").equals(jobQueue()));
                    case "logs:CreateLogStream", "logs:PutLogEvents" ->
                            resources.stream().allMatch(r -> getAttTarget(r, "Arn").equals(logGroup));
                    default -> false;
                };
                if (!RECONCILE_ACTIONS.contains(action)) {
                    problems.add(sid + ": unexpected action " + action + " (the reconciler only lists, HEADs and enqueues)");
                } else if (!held) {
                    problems.add(sid + ": " + action + " beyond its place (input/output prefix with an s3:prefix condition, "
                            + "the job queue, its own log group): " + resources);
                } else {
                    resources.forEach(r -> granted.add(action + " " + r));
                }
            }
        }
        require(problems, granted.stream().anyMatch(g -> g.startsWith("sqs:SendMessage ")),
                role.get() + ": needs sqs:SendMessage on the job queue");
        require(problems, granted.stream().anyMatch(g -> g.startsWith("s3:ListBucket ")), role.get() + ": needs s3:ListBucket on the input bucket");
        require(problems, granted.stream().filter(g -> g.startsWith("s3:GetObject ")).count() >= 2,
                role.get() + ": needs s3:GetObject (HEAD) on the input prefix and on the output prefix");
        return problems;
    }

    // ------------------------------------------------------------------ bucket ownership

    /**
     * Every function names the stack's account as the owner of the buckets it calls
     * ({@code DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER: !Ref AWS::AccountId}), so that S3 refuses a
     * request to a bucket of another account instead of serving or accepting data.
     */
    List<String> expectedBucketOwner() {
        List<String> problems = new ArrayList<>();
        List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
        require(problems, !functions.isEmpty(), "template has no function");
        for (String id : functions) {
            Object owner = map(map(template.properties(id).get("Environment")).get("Variables"))
                    .get("DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER");
            require(problems, refTarget(owner).filter("AWS::AccountId"::equals).isPresent(),
                    id + ": Environment DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER must be !Ref AWS::AccountId, got " + owner);
        }
        return problems;
    }

    /** The SQS event source: partial batch responses, batching and a concurrency cap. */
    List<String> eventSource() {
        List<String> problems = new ArrayList<>();
        Optional<Map<String, Object>> source = sqsEventSource();
        if (source.isEmpty()) {
            return List.of("the function has no SQS event source");
        }
        Map<String, Object> props = source.get();
        require(problems, getAttTarget(props.get("Queue"), "Arn").filter(this::isQueue).isPresent(),
                "SQS event source: Queue must be !GetAtt <queue>.Arn of a queue in this template");
        require(problems, props.containsKey("BatchSize"), "SQS event source: BatchSize missing");
        require(problems, props.containsKey("MaximumBatchingWindowInSeconds"),
                "SQS event source: MaximumBatchingWindowInSeconds missing");
        require(problems, list(props.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                "SQS event source: FunctionResponseTypes must include ReportBatchItemFailures");
        require(problems, map(props.get("ScalingConfig")).containsKey("MaximumConcurrency"),
                "SQS event source: ScalingConfig.MaximumConcurrency missing");
        return problems;
    }

    // ------------------------------------------------------------------ queues

    /** Visibility timeout of the job queue >= 6 x the function timeout, for every allowed timeout. */
    List<String> visibilityTimeout() {
        Optional<String> queue = jobQueue();
        if (queue.isEmpty()) {
            return List.of("no job queue (the SQS event source's queue) found");
        }
        Object visibility = template.properties(queue.get()).get("VisibilityTimeout");
        Object timeout = template.properties(functionId()).get("Timeout");
        List<String> problems = new ArrayList<>();
        for (Number timeoutSeconds : possibleValues(timeout)) {
            Optional<Number> visibilitySeconds = resolve(visibility, timeout, timeoutSeconds);
            if (visibilitySeconds.isEmpty()) {
                problems.add(queue.get() + ": VisibilityTimeout " + visibility + " cannot be resolved for timeout " + timeoutSeconds);
            } else if (visibilitySeconds.get().doubleValue() < MIN_VISIBILITY_FACTOR * timeoutSeconds.doubleValue()) {
                problems.add(queue.get() + ": VisibilityTimeout " + visibilitySeconds.get() + " s < " + MIN_VISIBILITY_FACTOR
                        + " x function timeout " + timeoutSeconds + " s");
            }
        }
        if (possibleValues(timeout).isEmpty()) {
            problems.add(functionId() + ": Timeout " + timeout + " is neither a number nor a parameter with a default or AllowedValues");
        }
        return problems;
    }

    /** Job queue redrives to a dead-letter queue after >= 5 receives; every queue is encrypted. */
    List<String> redriveAndEncryption() {
        List<String> problems = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::SQS::Queue")) {
            Map<String, Object> props = template.properties(id);
            require(problems, Boolean.TRUE.equals(props.get("SqsManagedSseEnabled")) || props.containsKey("KmsMasterKeyId"),
                    id + ": queue must be encrypted (SqsManagedSseEnabled or KmsMasterKeyId)");
        }
        Optional<String> queue = jobQueue();
        if (queue.isEmpty()) {
            problems.add("no job queue (the SQS event source's queue) found");
            return problems;
        }
        Map<String, Object> redrive = map(template.properties(queue.get()).get("RedrivePolicy"));
        Optional<String> dlq = getAttTarget(redrive.get("deadLetterTargetArn"), "Arn").filter(this::isQueue);
        require(problems, dlq.isPresent(), queue.get() + ": RedrivePolicy.deadLetterTargetArn must be a queue of this template");
        dlq.ifPresent(d -> require(problems, !d.equals(queue.get()), queue.get() + ": dead-letter queue must be another queue"));
        Object maxReceive = redrive.get("maxReceiveCount");
        Optional<Map<String, Object>> parameter = template.referencedParameter(maxReceive);
        if (parameter.isPresent()) {
            require(problems, number(parameter.get().get("MinValue")).filter(n -> n.intValue() >= MIN_MAX_RECEIVE_COUNT).isPresent(),
                    queue.get() + ": maxReceiveCount parameter needs MinValue >= " + MIN_MAX_RECEIVE_COUNT);
        } else {
            require(problems, number(maxReceive).filter(n -> n.intValue() >= MIN_MAX_RECEIVE_COUNT).isPresent(),
                    queue.get() + ": maxReceiveCount must be >= " + MIN_MAX_RECEIVE_COUNT + ", is " + maxReceive);
        }
        return problems;
    }

    /** Only the input bucket (by SourceArn and SourceAccount) may send to the job queue. */
    List<String> queuePolicy() {
        Optional<String> queue = jobQueue();
        if (queue.isEmpty()) {
            return List.of("no job queue (the SQS event source's queue) found");
        }
        List<String> policies = template.resourcesOfType("AWS::SQS::QueuePolicy").stream()
                .filter(p -> list(template.properties(p).get("Queues")).stream()
                        .anyMatch(q -> refTarget(q).filter(queue.get()::equals).isPresent()))
                .toList();
        if (policies.isEmpty()) {
            return List.of(queue.get() + ": no AWS::SQS::QueuePolicy covers the job queue");
        }
        String bucketName = String.valueOf(subText(template.properties(inputBucket().orElse("")).get("BucketName")));
        List<String> problems = new ArrayList<>();
        for (String policy : policies) {
            for (Object s : list(map(template.properties(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                String sid = policy + "/" + statement.getOrDefault("Sid", "?");
                require(problems, "s3.amazonaws.com".equals(map(statement.get("Principal")).get("Service")),
                        sid + ": may allow only the S3 service principal");
                require(problems, list(statement.get("Action")).equals(List.of("sqs:SendMessage")),
                        sid + ": may allow only sqs:SendMessage");
                Map<String, Object> condition = map(statement.get("Condition"));
                Object sourceArn = conditionValue(condition, "aws:SourceArn", "ArnEquals", "ArnLike");
                require(problems, sourceArn != null && String.valueOf(subText(sourceArn)).endsWith(":::" + bucketName),
                        sid + ": aws:SourceArn must be the input bucket (" + bucketName + "), is " + sourceArn);
                require(problems, conditionValue(condition, "aws:SourceAccount", "StringEquals") != null,
                        sid + ": aws:SourceAccount condition missing");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ buckets

    /** The input bucket notifies the job queue of created objects under a prefix. */
    List<String> notification() {
        Optional<String> bucket = inputBucket();
        if (bucket.isEmpty()) {
            return List.of("no bucket notifies the job queue");
        }
        List<String> problems = new ArrayList<>();
        for (Object c : list(map(template.properties(bucket.get()).get("NotificationConfiguration")).get("QueueConfigurations"))) {
            Map<String, Object> configuration = map(c);
            require(problems, String.valueOf(configuration.get("Event")).startsWith("s3:ObjectCreated:"),
                    bucket.get() + ": notification must be for s3:ObjectCreated:*");
            Object rules = map(map(configuration.get("Filter")).get("S3Key")).get("Rules");
            for (Object branch : alternatives(rules)) {
                require(problems, list(branch).stream().anyMatch(r -> "prefix".equals(map(r).get("Name"))),
                        bucket.get() + ": notification filter needs a prefix rule (in every branch)");
            }
        }
        return problems;
    }

    /** Every bucket: encryption, public access blocked, abort of stale multipart uploads, TLS only. */
    List<String> buckets() {
        List<String> problems = new ArrayList<>();
        List<String> buckets = template.resourcesOfType("AWS::S3::Bucket");
        require(problems, buckets.size() >= 2, "expected an input and an output bucket, found " + buckets);
        for (String id : buckets) {
            Map<String, Object> props = template.properties(id);
            require(problems, !list(map(props.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).isEmpty(),
                    id + ": BucketEncryption missing");
            Map<String, Object> block = map(props.get("PublicAccessBlockConfiguration"));
            for (String key : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                require(problems, Boolean.TRUE.equals(block.get(key)), id + ": PublicAccessBlockConfiguration." + key + " must be true");
            }
            require(problems, list(map(props.get("LifecycleConfiguration")).get("Rules")).stream()
                            .anyMatch(r -> "Enabled".equals(map(r).get("Status")) && map(r).containsKey("AbortIncompleteMultipartUpload")),
                    id + ": needs an enabled lifecycle rule with AbortIncompleteMultipartUpload");
            require(problems, deniesInsecureTransport(id), id + ": needs a bucket policy denying aws:SecureTransport=false on the bucket and its objects");
        }
        return problems;
    }

    // ------------------------------------------------------------------ IAM

    /** No wildcard actions or resources; S3 reads only the input prefix, writes only the output prefix. */
    List<String> leastPrivilege() {
        List<String> problems = new ArrayList<>();
        Optional<String> role = ownRole(functionId(), problems);
        if (role.isEmpty()) {
            return problems;
        }
        Set<String> sqsGranted = new java.util.HashSet<>();
        for (Map<String, Object> statement : allowStatements(role.get())) {
            String sid = role.get() + "/" + statement.getOrDefault("Sid", "?");
            List<String> actions = list(statement.get("Action")).stream().map(String::valueOf).toList();
            List<Object> resources = list(statement.get("Resource"));
            for (String action : actions) {
                require(problems, !action.contains("*"), sid + ": wildcard action " + action);
            }
            for (Object resource : resources) {
                require(problems, !"*".equals(resource), sid + ": wildcard resource");
            }
            for (String action : actions) {
                if (S3_READ_ACTIONS.contains(action)) {
                    // Reads: the drive logs, and the result manifest (the idempotency check).
                    require(problems, resources.stream().allMatch(r -> objectsUnder(r, inputBucket(), "InputPrefix")
                                    || objectsUnder(r, outputBucket(), "OutputPrefix")),
                            sid + ": " + action + " only on the input prefix (or the output prefix)");
                } else if (S3_WRITE_ACTIONS.contains(action)) {
                    require(problems, resources.stream().allMatch(r -> objectsUnder(r, outputBucket(), "OutputPrefix")),
                            sid + ": " + action + " only on the output bucket's output prefix");
                } else if (action.equals("s3:ListBucket")) {
                    Object prefix = conditionValue(map(statement.get("Condition")), "s3:prefix", "StringLike", "StringEquals");
                    require(problems, prefix != null, sid + ": s3:ListBucket needs an s3:prefix condition");
                } else if (action.startsWith("sqs:")) {
                    boolean onJobQueue = resources.stream().allMatch(r -> getAttTarget(r, "Arn").equals(jobQueue()));
                    require(problems, onJobQueue, sid + ": " + action + " only on the job queue");
                    if (onJobQueue) {
                        sqsGranted.add(action);
                    }
                } else if (!action.startsWith("logs:")) {
                    problems.add(sid + ": unexpected action " + action);
                }
            }
        }
        for (String needed : SQS_EVENT_SOURCE_ACTIONS) {
            require(problems, sqsGranted.contains(needed), role.get() + ": the SQS event source needs " + needed + " on the job queue");
        }
        return problems;
    }

    // ------------------------------------------------------------------ alarms and outputs

    /** Alarms on the DLQ depth, the age of the oldest message, function errors and throttles. */
    List<String> alarms() {
        List<String> problems = new ArrayList<>();
        Optional<String> dlq = getAttTarget(map(template.properties(jobQueue().orElse("")).get("RedrivePolicy"))
                .get("deadLetterTargetArn"), "Arn");
        require(problems, hasAlarm("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", dlq.orElse("?")),
                "no alarm on the dead-letter queue's ApproximateNumberOfMessagesVisible");
        require(problems, hasAlarm("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", jobQueue().orElse("?")),
                "no alarm on the job queue's ApproximateAgeOfOldestMessage");
        require(problems, hasAlarm("AWS/Lambda", "Errors", "FunctionName", functionId()), "no alarm on the function's Errors");
        require(problems, hasAlarm("AWS/Lambda", "Throttles", "FunctionName", functionId()), "no alarm on the function's Throttles");
        // Rejected and refused inputs and messages not understood are acknowledged: they never reach the DLQ.
        for (String metric : List.of("Rejected", "Dropped")) {
            require(problems, hasMetricMathAlarm(PipelineMetrics.NAMESPACE, metric, "FunctionName", functionId()),
                    "no alarm on the worker's " + metric + " metric (namespace " + PipelineMetrics.NAMESPACE
                            + "): those inputs and messages are not retried and never reach the dead-letter queue");
        }
        Optional<String> reconciler = reconcilerId();
        require(problems, reconciler.filter(r -> hasAlarm("AWS/Lambda", "Errors", "FunctionName", r)).isPresent(),
                "no alarm on the reconciler's Errors");
        // A pass that runs out of time says so in a WARN line; a metric filter on its log group counts those lines.
        Optional<String> logGroup = reconciler.flatMap(r -> refTarget(map(template.properties(r).get("LoggingConfig")).get("LogGroup")));
        List<Map<String, Object>> incompleteMetrics = template.resourcesOfType("AWS::Logs::MetricFilter").stream()
                .map(template::properties)
                .filter(f -> logGroup.isPresent() && refTarget(f.get("LogGroupName")).equals(logGroup)
                        && String.valueOf(f.get("FilterPattern")).contains("\"" + ReconcileHandler.INCOMPLETE_PASS_MESSAGE))
                .flatMap(f -> list(f.get("MetricTransformations")).stream().map(SamTemplate::map))
                .toList();
        require(problems, incompleteMetrics.stream().anyMatch(metric -> template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                        .map(template::properties)
                        .anyMatch(a -> a.containsKey("AlarmActions") && metric.get("MetricName").equals(a.get("MetricName"))
                                && java.util.Objects.equals(metric.get("MetricNamespace"), a.get("Namespace")))),
                "no alarm on incomplete reconcile passes (a metric filter on the reconciler's log group matching \""
                        + ReconcileHandler.INCOMPLETE_PASS_MESSAGE + "\", and an alarm on its metric)");
        return problems;
    }

    /** The outputs a user needs after deploying. */
    List<String> outputs() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> outputs = template.outputs();
        Map<String, Optional<String>> expected = Map.of(
                "JobQueueUrl", jobQueue(), "InputBucketName", inputBucket(), "OutputBucketName", outputBucket(),
                "FunctionName", Optional.of(functionId()),
                "ReconcileFunctionName", reconcilerId(), "DeadLetterQueueUrl", getAttTarget(
                        map(template.properties(jobQueue().orElse("")).get("RedrivePolicy")).get("deadLetterTargetArn"), "Arn"));
        expected.forEach((name, resource) -> require(problems,
                resource.isPresent() && refTarget(map(outputs.get(name)).get("Value")).equals(resource),
                "output " + name + " must be !Ref " + resource.orElse("?")));
        return problems;
    }

    // ------------------------------------------------------------------ Athena

    /** The table's partition keys: the result version first (injected), then the day (a projected date). */
    static final List<String> DATASET_PARTITIONS = List.of("result_version", "dt");
    static final String JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";

    /** The datasets the worker writes (docs/OUTPUTS.md), each with a Glue table of the same name. */
    static final List<String> DATASETS = List.of("violations", "trip_summaries");

    /**
     * A Glue table over exactly each dataset the worker writes (docs/OUTPUTS.md), named as the dataset:
     * its location is {@code <output bucket>/<output prefix><dataset>/} of the worker's own output
     * variables; its partitions are {@code result_version}, injected (every query names the versions it
     * reads, so two versions of one input are never counted together) and {@code dt}, a projected date;
     * the projection's location template names both as the writer does; rows are JSON. Plus a workgroup
     * with a query result location, so that queries run without account-wide setup.
     */
    List<String> athenaDataset() {
        List<String> problems = new ArrayList<>();
        List<String> tables = template.resourcesOfType("AWS::Glue::Table");
        Map<String, String> tableByName = new java.util.TreeMap<>();
        for (String id : tables) {
            tableByName.put(String.valueOf(map(template.properties(id).get("TableInput")).get("Name")), id);
        }
        if (!tableByName.keySet().equals(new java.util.TreeSet<>(DATASETS))) {
            return List.of("expected one AWS::Glue::Table per dataset " + DATASETS + ", found " + tableByName);
        }
        for (String dataset : DATASETS) {
            problems.addAll(datasetTable(tableByName.get(dataset), dataset));
        }
        List<String> workGroups = template.resourcesOfType("AWS::Athena::WorkGroup");
        require(problems, workGroups.stream().anyMatch(w -> String.valueOf(subText(map(map(map(template.properties(w)
                        .get("WorkGroupConfiguration")).get("ResultConfiguration"))).get("OutputLocation")))
                        .startsWith("s3://${" + outputBucket().orElse("?") + "}/")),
                "expected an AWS::Athena::WorkGroup whose ResultConfiguration.OutputLocation is in the output bucket");
        return problems;
    }

    private List<String> datasetTable(String id, String dataset) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> props = template.properties(id);
        require(problems, refTarget(props.get("DatabaseName")).filter(d -> "AWS::Glue::Database".equals(template.resource(d).get("Type")))
                .isPresent(), id + ": DatabaseName must be !Ref of an AWS::Glue::Database in this template");
        Map<String, Object> table = map(props.get("TableInput"));
        Map<String, Object> storage = map(table.get("StorageDescriptor"));
        Map<String, Object> parameters = map(table.get("Parameters"));
        Map<String, Object> workerEnvironment = map(map(template.properties(functionId()).get("Environment")).get("Variables"));
        Optional<String> prefixParameter = refTarget(workerEnvironment.get("DRIVELOG_PIPELINE__OUTPUT_PREFIX"));
        String location = "s3://${" + outputBucket().orElse("?") + "}/${" + prefixParameter.orElse("?") + "}" + dataset + "/";
        require(problems, outputBucket().isPresent() && prefixParameter.isPresent() && location.equals(subText(storage.get("Location"))),
                id + ": StorageDescriptor.Location must be !Sub \"" + location + "\" (where the worker writes), is "
                        + storage.get("Location"));
        require(problems, list(table.get("PartitionKeys")).stream().map(k -> map(k).get("Name")).toList().equals(DATASET_PARTITIONS),
                id + ": PartitionKeys must be " + DATASET_PARTITIONS + ", are " + table.get("PartitionKeys"));
        require(problems, "true".equals(String.valueOf(parameters.get("projection.enabled"))), id + ": projection.enabled must be true");
        require(problems, "injected".equals(parameters.get("projection.result_version.type")),
                id + ": projection.result_version.type must be injected (a query names the versions it reads)");
        require(problems, "date".equals(parameters.get("projection.dt.type")) && "yyyy-MM-dd".equals(parameters.get("projection.dt.format")),
                id + ": dt must be projected as a date in yyyy-MM-dd");
        String locationTemplate = location + "result_version=${!result_version}/dt=${!dt}/";
        require(problems, locationTemplate.equals(subText(parameters.get("storage.location.template"))),
                id + ": storage.location.template must be !Sub \"" + locationTemplate + "\", is " + parameters.get("storage.location.template"));
        require(problems, JSON_SERDE.equals(map(storage.get("SerdeInfo")).get("SerializationLibrary")),
                id + ": SerdeInfo.SerializationLibrary must be " + JSON_SERDE);
        require(problems, !list(storage.get("Columns")).isEmpty(), id + ": StorageDescriptor.Columns missing");
        return problems;
    }

    // ------------------------------------------------------------------ navigation

    /** The worker: the (first) function with an SQS event. */
    private String functionId() {
        List<String> workers = functionsWithEvent("SQS");
        return workers.isEmpty() ? "?" : workers.getFirst();
    }

    /** The reconciler: the one function with a Schedule event (empty when there is none, or several). */
    private Optional<String> reconcilerId() {
        List<String> reconcilers = functionsWithEvent("Schedule");
        return reconcilers.size() == 1 ? Optional.of(reconcilers.getFirst()) : Optional.empty();
    }

    private List<String> noSingleReconciler() {
        return List.of("expected exactly one function with a Schedule event (the reconciler), found " + functionsWithEvent("Schedule"));
    }

    /** The functions with at least one event of that type ({@code SQS}, {@code Schedule}), in template order. */
    private List<String> functionsWithEvent(String type) {
        return template.resourcesOfType("AWS::Serverless::Function").stream()
                .filter(f -> map(template.properties(f).get("Events")).values().stream()
                        .anyMatch(e -> type.equals(map(e).get("Type"))))
                .toList();
    }

    /** The function's explicit role (no SAM Policies, no managed policies), or empty with the problem recorded. */
    private Optional<String> ownRole(String function, List<String> problems) {
        Map<String, Object> functionProps = template.properties(function);
        require(problems, !functionProps.containsKey("Policies"),
                function + ": use the explicit role, not SAM Policies (they add managed policies with wildcard resources)");
        Optional<String> role = getAttTarget(functionProps.get("Role"), "Arn");
        if (role.isEmpty() || !"AWS::IAM::Role".equals(template.resource(role.get()).get("Type"))) {
            problems.add(function + ": Role must be !GetAtt <role>.Arn of an AWS::IAM::Role in this template");
            return Optional.empty();
        }
        require(problems, list(template.properties(role.get()).get("ManagedPolicyArns")).isEmpty(), role.get() + ": no managed policies");
        return role;
    }

    /** The Allow statements of a role's inline policies. */
    private List<Map<String, Object>> allowStatements(String role) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object p : list(template.properties(role).get("Policies"))) {
            for (Object s : list(map(map(p).get("PolicyDocument")).get("Statement"))) {
                if ("Allow".equals(map(s).get("Effect"))) {
                    statements.add(map(s));
                }
            }
        }
        return statements;
    }

    private Optional<Map<String, Object>> sqsEventSource() {
        return map(template.properties(functionId()).get("Events")).values().stream()
                .map(SamTemplate::map)
                .filter(e -> "SQS".equals(e.get("Type")))
                .map(e -> map(e.get("Properties")))
                .findFirst();
    }

    private Optional<String> jobQueue() {
        return sqsEventSource().flatMap(p -> getAttTarget(p.get("Queue"), "Arn")).filter(this::isQueue);
    }

    private Optional<String> inputBucket() {
        Optional<String> queue = jobQueue();
        return template.resourcesOfType("AWS::S3::Bucket").stream()
                .filter(b -> list(map(template.properties(b).get("NotificationConfiguration")).get("QueueConfigurations")).stream()
                        .anyMatch(c -> getAttTarget(map(c).get("Queue"), "Arn").equals(queue) && queue.isPresent()))
                .findFirst();
    }

    private Optional<String> outputBucket() {
        Object bucket = map(map(template.properties(functionId()).get("Environment")).get("Variables")).get("DRIVELOG_PIPELINE__OUTPUT_BUCKET");
        return refTarget(bucket).filter(b -> "AWS::S3::Bucket".equals(template.resource(b).get("Type")));
    }

    private boolean isQueue(String id) {
        return "AWS::SQS::Queue".equals(template.resource(id).get("Type"));
    }

    /** True for {@code !Sub "${Bucket.Arn}/${PrefixParameter}*"}: the objects under a (non-empty) prefix of that bucket. */
    private boolean objectsUnder(Object resource, Optional<String> bucket, String prefixParameter) {
        String prefix = String.valueOf(map(template.parameters().get(prefixParameter)).get("Default"));
        return bucket.isPresent() && !prefix.isBlank() && !prefix.equals("null")
                && ("${" + bucket.get() + ".Arn}/${" + prefixParameter + "}*").equals(subText(resource));
    }

    private boolean deniesInsecureTransport(String bucket) {
        return template.resourcesOfType("AWS::S3::BucketPolicy").stream()
                .filter(p -> refTarget(template.properties(p).get("Bucket")).filter(bucket::equals).isPresent())
                .flatMap(p -> list(map(template.properties(p).get("PolicyDocument")).get("Statement")).stream())
                .map(SamTemplate::map)
                .anyMatch(s -> "Deny".equals(s.get("Effect"))
                        && "false".equals(String.valueOf(map(map(s.get("Condition")).get("Bool")).get("aws:SecureTransport")))
                        && list(s.get("Resource")).stream().anyMatch(r -> getAttTarget(r, "Arn").filter(bucket::equals).isPresent())
                        && list(s.get("Resource")).stream().anyMatch(r -> ("${" + bucket + ".Arn}/*").equals(subText(r))));
    }

    /** An alarm (with actions) whose metric math reads {@code metric} of {@code resource}'s dimension, from the function's EMF lines. */
    private boolean hasMetricMathAlarm(String namespace, String metric, String dimension, String resource) {
        return template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .filter(a -> a.containsKey("AlarmActions"))
                .flatMap(a -> list(a.get("Metrics")).stream().map(m -> map(map(map(m).get("MetricStat")).get("Metric"))))
                .anyMatch(m -> namespace.equals(m.get("Namespace")) && metric.equals(m.get("MetricName"))
                        && list(m.get("Dimensions")).stream().map(SamTemplate::map).anyMatch(d -> dimension.equals(d.get("Name"))
                                && refTarget(d.get("Value")).filter(resource::equals).isPresent()));
    }

    private boolean hasAlarm(String namespace, String metric, String dimension, String resource) {
        return template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .filter(a -> namespace.equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
                .filter(a -> a.containsKey("AlarmActions"))
                .anyMatch(a -> list(a.get("Dimensions")).stream().map(SamTemplate::map).anyMatch(d -> dimension.equals(d.get("Name"))
                        && (refTarget(d.get("Value")).filter(resource::equals).isPresent()
                                || getAttTarget(d.get("Value"), "QueueName").filter(resource::equals).isPresent())));
    }

    /** All values a timeout may take: a literal, or a parameter's AllowedValues (else its Default). */
    private List<Number> possibleValues(Object value) {
        Optional<Number> literal = number(value);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        Optional<Map<String, Object>> parameter = template.referencedParameter(value);
        if (parameter.isEmpty()) {
            return List.of();
        }
        List<Object> allowed = list(parameter.get().get("AllowedValues"));
        List<Object> candidates = allowed.isEmpty() ? list(parameter.get().get("Default")) : allowed;
        return candidates.stream().map(TemplateInvariants::number).flatMap(Optional::stream).toList();
    }

    /** A visibility timeout for one function timeout: a literal, or !FindInMap [map, !Ref timeoutParam, key]. */
    private Optional<Number> resolve(Object visibility, Object timeout, Number timeoutSeconds) {
        Optional<Number> literal = number(visibility);
        if (literal.isPresent()) {
            return literal;
        }
        List<Object> args = list(map(visibility).get("Fn::FindInMap"));
        if (args.size() != 3 || !refTarget(args.get(1)).equals(refTarget(timeout)) || refTarget(timeout).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = map(map(template.mappings().get(String.valueOf(args.get(0))))
                .get(String.valueOf(timeoutSeconds.longValue())));
        return number(row.get(String.valueOf(args.get(2))));
    }

    private static Optional<Number> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n);
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Object subText(Object value) {
        Object sub = map(value).get("Fn::Sub");
        return sub instanceof List<?> l && !l.isEmpty() ? l.getFirst() : sub;
    }

    private static Object conditionValue(Map<String, Object> condition, String key, String... operators) {
        for (String operator : operators) {
            Object value = map(condition.get(operator)).get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The branches of a value that may be an {@code Fn::If}; otherwise the value itself. */
    private static List<Object> alternatives(Object value) {
        List<Object> args = list(map(value).get("Fn::If"));
        return args.size() == 3 ? List.of(args.get(1), args.get(2)) : List.of(value == null ? List.of() : value);
    }

    private static void require(List<String> problems, boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
