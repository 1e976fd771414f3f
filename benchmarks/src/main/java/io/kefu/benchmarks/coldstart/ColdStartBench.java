package io.kefu.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.benchmarks.coldstart.driver.ColdStartDriver;
import io.kefu.local.stack.LocalAwsStack;
import io.kefu.local.stack.RepoRoot;
import io.kefu.local.stack.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold-start benchmark: per function, a fresh JVM on the function's deployment jar (functions/X/target/function.jar)
 * with the function's template environment as its process environment constructs the handler the way Lambda
 * does ({@code new X()}) and processes a first batch of 10 records from events/ (schedule functions: one
 * scheduled invocation) against an embedded stack started once. Wall time from process launch to the end of
 * that first batch; 10 runs; median and p90 per function.
 *
 * <p>Variants, interleaved run by run so that load from other processes hits both alike:
 * {@code tuned} = the template's {@code JAVA_TOOL_OPTIONS} (C1 only); {@code baseline} = the same without
 * {@code JAVA_TOOL_OPTIONS} (default tiered C1+C2). Both with Lambda-like launch flags
 * ({@code -XX:+UseSerialGC -Xshare:auto -Xmx870m}: SerialGC and 85% of the template's 1024 MB).
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 *   (the function jars too: ./mvnw -B -q -pl functions/score-transcript,... -am package -DskipTests)
 * java -cp benchmarks/target/benchmarks.jar io.kefu.benchmarks.coldstart.ColdStartBench [--runs 10]
 *      [--functions ScoreTranscriptFunction,...] [--variants tuned,baseline] [--jvm-args "-Xlog:..."]
 * </pre>
 */
public final class ColdStartBench {
    static final List<String> FUNCTIONS = List.of("ScoreTranscriptFunction", "HandleShipmentEventFunction",
            "SweepStalledShipmentsFunction", "ScheduleSurveyFunction", "DispatchDueSurveysFunction",
            "RecordSurveyResponseFunction");
    private static final Set<String> UNIQUE_FIELDS = Set.of("transcriptId", "eventId", "orderId", "customerId",
            "requestId", "subjectId", "trackingNo");
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xmx870m");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Extra flags for the child JVMs (profiling: {@code --jvm-args "-Xlog:class+load:file=/tmp/cl.log"}). */
    private static List<String> extraJvmArgs = List.of();

    record Sample(double totalMs, double toMainMs, double constructMs, double firstBatchMs) {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        List<String> functions = FUNCTIONS;
        List<String> variants = List.of("tuned", "baseline");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--functions" -> functions = Arrays.asList(args[++i].split(","));
                case "--variants" -> variants = Arrays.asList(args[++i].split(","));
                case "--jvm-args" -> extraJvmArgs = Arrays.asList(args[++i].split(" "));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = RepoRoot.find();
        Path driverDir = extractDriver();
        Path work = Files.createTempDirectory("kefu-coldstart");
        System.out.printf("cold start: %d runs x %s x %s; %s; load average at start %.2f%n", runs, functions, variants,
                Runtime.version(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
        Map<String, Long> jarSizes = new LinkedHashMap<>();
        try (LocalAwsStack stack = LocalAwsStack.builder().log(line -> {}).startEmbedded()) {
            for (int run = 0; run < runs; run++) {
                for (String function : functions) {
                    Specs.FunctionSpec spec = stack.template().function(function);
                    Path jar = root.resolve(spec.codeUri());
                    if (!Files.exists(jar)) {
                        throw new IllegalStateException(jar + " missing: build the function modules first");
                    }
                    jarSizes.put(function, Files.size(jar));
                    for (String variant : variants) {
                        Sample sample = once(stack, root, spec, jar, driverDir, work, variant, run);
                        results.computeIfAbsent(function, f -> new LinkedHashMap<>())
                                .computeIfAbsent(variant, v -> new ArrayList<>()).add(sample);
                    }
                }
                System.out.printf("  run %d/%d done, load average %.2f%n", run + 1, runs,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
        print(results, jarSizes, variants);
        System.out.printf("load average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Sample once(LocalAwsStack stack, Path root, Specs.FunctionSpec spec, Path jar, Path driverDir,
                               Path work, String variant, int run) throws IOException, InterruptedException {
        String mode = spec.sqsTriggers().isEmpty() ? "schedule" : "sqs";
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + driverDir);
        command.add(ColdStartDriver.class.getName());
        command.add(spec.handlerClass());
        command.add(mode);
        if (mode.equals("sqs")) {
            Path bodies = work.resolve(spec.logicalId() + "-" + variant + "-" + run + ".jsonl");
            Files.write(bodies, batch(root, spec.logicalId(), variant + run), StandardCharsets.UTF_8);
            command.add(bodies.toString());
            command.add(stack.queueArn(spec.sqsTriggers().get(0).queueLogicalId()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(stack.functionEnvironment(spec.logicalId()));
        if (variant.equals("baseline")) {
            builder.environment().remove("JAVA_TOOL_OPTIONS");
        }
        Path err = work.resolve("stderr.txt");
        builder.redirectError(err.toFile());
        long launchUs = epochMicros();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String line = out.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst().orElseThrow(() ->
                new IllegalStateException(spec.logicalId() + " " + variant + " exit " + exit + ":\n" + out + "\n" + read(err)));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : line.substring("COLDSTART ".length()).split(" ", 5)) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!fields.get("failures").equals("0")) {
            throw new IllegalStateException(spec.logicalId() + ": " + fields.get("failures") + " batch item failures\n" + out);
        }
        long main = Long.parseLong(fields.get("mainUs"));
        long constructed = Long.parseLong(fields.get("constructedUs"));
        long done = Long.parseLong(fields.get("doneUs"));
        return new Sample((done - launchUs) / 1000.0, (main - launchUs) / 1000.0, (constructed - main) / 1000.0,
                (done - constructed) / 1000.0);
    }

    /** Ten message bodies for the function's queue from events/, ids made unique per run (first-time processing). */
    static List<String> batch(Path root, String function, String nonce) throws IOException {
        return batch(root, function, nonce, true);
    }

    /** perRecord: every record its own ids (cold start); else one suffix per batch (one order's events stay one order). */
    static List<String> batch(Path root, String function, String nonce, boolean perRecord) throws IOException {
        List<Path> files = switch (function) {
            case "ScoreTranscriptFunction" -> list(root.resolve("events/transcripts"), p -> true);
            case "HandleShipmentEventFunction" -> concat(list(root.resolve("events/shipments"),
                    p -> !p.getFileName().toString().startsWith("invalid")), list(root.resolve("events/ShipmentEventsQueue"), p -> true));
            case "ScheduleSurveyFunction" -> concat(list(root.resolve("events/surveys"),
                    p -> p.getFileName().toString().startsWith("request")), list(root.resolve("events/SurveyRequestsQueue"), p -> true));
            case "RecordSurveyResponseFunction" -> concat(list(root.resolve("events/surveys"),
                    p -> p.getFileName().toString().startsWith("response")), list(root.resolve("events/SurveyResponsesQueue"), p -> true));
            default -> throw new IllegalArgumentException("no sample batch for " + function);
        };
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonNode node = JSON.readTree(files.get(i % files.size()).toFile());
            String suffix = perRecord ? "-cs" + nonce + "x" + i + "x" + UUID.randomUUID().toString().substring(0, 8) : "-" + nonce;
            if (node instanceof ObjectNode object) {
                for (String field : UNIQUE_FIELDS) {
                    JsonNode value = object.get(field);
                    if (value != null && value.isTextual()) {
                        object.put(field, value.asText() + suffix);
                    }
                }
                if (object.has("token")) {
                    object.put("token", UUID.randomUUID().toString().replace("-", ""));
                }
            }
            bodies.add(JSON.writeValueAsString(node));
        }
        return bodies;
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).filter(filter).sorted().toList();
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void print(Map<String, Map<String, List<Sample>>> results, Map<String, Long> jarSizes, List<String> variants) {
        System.out.println();
        StringBuilder header = new StringBuilder(String.format("%-30s %8s", "function", "jar MB"));
        for (String variant : variants) {
            header.append(String.format(" | %-8s median    p90  (to main / construct / batch)", variant));
        }
        if (variants.size() == 2) {
            header.append(" | " + variants.get(1) + "/" + variants.get(0));
        }
        System.out.println(header);
        results.forEach((function, byVariant) -> {
            StringBuilder row = new StringBuilder(String.format("%-30s %8.1f", function, jarSizes.get(function) / 1e6));
            List<Double> medians = new ArrayList<>();
            for (String variant : variants) {
                List<Sample> samples = byVariant.get(variant);
                double median = percentile(samples.stream().map(Sample::totalMs).toList(), 50);
                medians.add(median);
                row.append(String.format(" | %-8s %6.0f ms %6.0f  (%4.0f / %4.0f / %4.0f)", "", median,
                        percentile(samples.stream().map(Sample::totalMs).toList(), 90),
                        percentile(samples.stream().map(Sample::toMainMs).toList(), 50),
                        percentile(samples.stream().map(Sample::constructMs).toList(), 50),
                        percentile(samples.stream().map(Sample::firstBatchMs).toList(), 50)));
            }
            if (medians.size() == 2) {
                row.append(String.format(" | %.2fx", medians.get(1) / medians.get(0)));
            }
            System.out.println(row);
        });
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The driver package only, copied out of this jar, so the child's classpath is the function jar + the driver. */
    private static Path extractDriver() throws IOException, URISyntaxException {
        String prefix = ColdStartDriver.class.getPackageName().replace('.', '/') + "/";
        Path dir = Files.createTempDirectory("kefu-coldstart-driver");
        Path source = Path.of(ColdStartDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
            Path pkg = source.resolve(prefix);
            Files.createDirectories(dir.resolve(prefix));
            try (Stream<Path> files = Files.list(pkg)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(prefix).resolve(file.getFileName().toString()));
                }
            }
            return dir;
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    Path target = dir.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
