package io.kefu.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.kefu.local.stack.CfnTemplate;
import io.kefu.local.stack.RepoRoot;
import io.kefu.local.stack.Specs.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * infra-template.yaml and the code agree.
 *
 * <p>Environment variables: a function "reads" a variable when a string literal appears in
 * {@code .require("X")}, {@code .optional("X")}, {@code .get("X", ...)} or {@code System.getenv("X")} in its module's
 * main sources, or in a shared main class reachable from them (a shared class is reachable when its simple name
 * appears in a reachable source; followed transitively). Names Lambda itself sets ({@code AWS_*}, {@code LAMBDA_*},
 * {@code _HANDLER}, {@code TZ}) are exempt. Read variable names from literals, not constants, so this check sees them.
 */
class TemplateConsistencyTest {
    private static final Pattern READ = Pattern.compile(
            "(?:\\.require|\\.optional|\\.get|System\\.getenv)\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
    private final Path root = RepoRoot.find();
    private final CfnTemplate template = CfnTemplate.load(RepoRoot.template());

    @Test
    void everyHandlerClassInTheTemplateExistsAndImplementsRequestHandler() throws Exception {
        assertThat(template.functions()).isNotEmpty();
        for (FunctionSpec function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class).as(function.logicalId()).isAssignableFrom(handler);
            assertThat(function.handler()).as(function.logicalId()).endsWith("::handleRequest");
        }
    }

    @Test
    void everyEnvironmentVariableAFunctionReadsIsDefinedInItsTemplateEntry() {
        Map<String, Path> sharedClasses = classesIn(root.resolve("shared/src/main/java"));
        Map<String, Set<String>> missing = new HashMap<>();
        for (FunctionSpec function : template.functions()) {
            Path module = root.resolve(function.codeUri()).getParent().getParent();
            Set<String> read = readsVariables(sources(module.resolve("src/main/java")), sharedClasses);
            Set<String> undeclared = new TreeSet<>(read);
            undeclared.removeAll(function.environment().keySet());
            undeclared.removeIf(TemplateConsistencyTest::providedByLambda);
            if (!undeclared.isEmpty()) {
                missing.put(function.logicalId(), undeclared);
            }
        }
        assertThat(missing).as("variables read by code but missing from the function's Environment.Variables").isEmpty();
    }

    @Test
    void theScannerFindsVariablesReadInAFunctionAndInTheSharedClassesItUses() throws IOException {
        Path dir = Files.createTempDirectory("scan");
        Path fn = Files.writeString(dir.resolve("Fn.java"), "class Fn { Fn(Environment env) { new Repo(env); env.require(\"A_TABLE\"); } }");
        Path repo = Files.writeString(dir.resolve("Repo.java"), "class Repo { Repo(Environment env) { env.get(\"B_URL\", \"x\"); } }");
        Path unused = Files.writeString(dir.resolve("Unused.java"), "class Unused { void f(Environment env) { env.optional(\"C\"); } }");
        assertThat(readsVariables(List.of(fn), Map.of("Repo", repo, "Unused", unused))).containsExactlyInAnyOrder("A_TABLE", "B_URL");
    }

    @Test
    void noIamStatementGrantsAWildcardActionOrResource() {
        for (FunctionSpec function : template.functions()) {
            assertThat(function.policyStatements()).as(function.logicalId() + " has inline policy statements").isNotEmpty();
            for (Map<String, Object> statement : function.policyStatements()) {
                for (Object action : asList(statement.get("Action"))) {
                    assertThat(String.valueOf(action)).as(function.logicalId() + " action").doesNotContain("*");
                }
                for (Object resource : asList(statement.get("Resource"))) {
                    assertThat(resource).as(function.logicalId() + " resource").isNotEqualTo("*");
                }
            }
        }
    }

    static boolean providedByLambda(String name) {
        return name.startsWith("AWS_") || name.startsWith("LAMBDA_") || name.equals("_HANDLER") || name.equals("TZ");
    }

    static Set<String> readsVariables(List<Path> start, Map<String, Path> sharedClasses) {
        Set<String> variables = new TreeSet<>();
        Set<Path> visited = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            Path file = queue.pop();
            if (!visited.add(file)) {
                continue;
            }
            String source = read(file);
            Matcher m = READ.matcher(source);
            while (m.find()) {
                variables.add(m.group(1));
            }
            Matcher words = WORD.matcher(source);
            while (words.find()) {
                Path shared = sharedClasses.get(words.group());
                if (shared != null && !visited.contains(shared)) {
                    queue.add(shared);
                }
            }
        }
        return variables;
    }

    private static Map<String, Path> classesIn(Path dir) {
        Map<String, Path> classes = new HashMap<>();
        for (Path file : sources(dir)) {
            classes.put(file.getFileName().toString().replace(".java", ""), file);
        }
        return classes;
    }

    private static List<Path> sources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }
}
