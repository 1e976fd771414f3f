package io.kefu.tests.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The AWS SDK calls a Lambda handler can make, read from the compiled classes: every method reachable from the
 * handler class's own methods (constructor, handleRequest, its lambdas), following calls into project classes
 * ({@code io.kefu.*}; an interface or overridable call reaches every implementation in the main classes), lambdas
 * and method references, down to calls on {@code DynamoDbClient} / {@code SqsClient}.
 *
 * <p>Each call is attributed to the innermost <em>adapter</em> on its call path: a class listed in
 * {@code adapters} (simple name), which a function builds with one table or queue from its environment. A call
 * with no adapter on its path is reported as such, so a new adapter cannot slip past the permissions check.
 */
public final class SdkCallGraph {
    private static final Map<String, String> CLIENTS = Map.of(
            "software/amazon/awssdk/services/dynamodb/DynamoDbClient", "dynamodb",
            "software/amazon/awssdk/services/sqs/SqsClient", "sqs");

    /** One SDK call: {@code action} is the IAM action, e.g. {@code dynamodb:GetItem}; {@code strings} the string
     * constants of the method that makes it (and of the builder lambdas there), where an index name shows up. */
    public record SdkCall(String action, String adapter, String site, boolean namesIndex, Set<String> strings) {}

    private record Step(String owner, String method, String adapter, Set<String> callerIndexStrings) {}

    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    private final Set<String> adapters;

    private record ClassInfo(String name, String superName, List<String> interfaces,
                             Map<String, MethodInfo> methods) {}

    /** {@code dynamic}: the target is fixed (static, special); {@code onInterface}: an invokeinterface. */
    private record Invocation(String owner, String name, String descriptor, boolean dynamic, boolean onInterface) {}

    private static final class MethodInfo {
        final List<Invocation> calls = new ArrayList<>();
        final Set<String> strings = new LinkedHashSet<>();
        final List<String> lambdas = new ArrayList<>(); // "owner.name+desc" of lambda bodies created here
        boolean namesIndex;
    }

    private SdkCallGraph(List<Path> locations, Set<String> adapters) {
        this.adapters = adapters;
        for (Path location : locations) {
            try {
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                            try (InputStream in = Files.newInputStream(file)) {
                                read(in);
                            }
                        }
                    }
                } else {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                        for (var entry : java.util.Collections.list(jar.entries())) {
                            if (entry.getName().startsWith("io/kefu/") && entry.getName().endsWith(".class")) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    read(in);
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        classes.values().forEach(c -> {
            if (c.superName() != null) {
                subtypes.computeIfAbsent(c.superName(), k -> new HashSet<>()).add(c.name());
            }
            c.interfaces().forEach(i -> subtypes.computeIfAbsent(i, k -> new HashSet<>()).add(c.name()));
        });
    }

    /**
     * A graph over the main classes of {@code shared} and the function modules, as the test class path has them:
     * {@code target/classes} directories (a test run) or the modules' jars (the reactor in {@code verify}).
     */
    public static SdkCallGraph ofMainClasses(Set<String> adapters) {
        Path root = io.kefu.local.stack.RepoRoot.find().toAbsolutePath().normalize();
        List<Path> locations = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            String module = root.relativize(path.startsWith(root) ? path : root).toString();
            boolean ours = module.startsWith("shared/") || module.startsWith("functions/");
            boolean main = path.endsWith(Path.of("target", "classes"))
                    || (path.getFileName().toString().startsWith("kefu-") && path.toString().endsWith(".jar")
                            && !path.toString().endsWith("-tests.jar"));
            if (ours && main && Files.exists(path)) {
                locations.add(path);
            }
        }
        return new SdkCallGraph(locations, adapters);
    }

    /** The SDK calls reachable from {@code handlerClass}. */
    public List<SdkCall> callsFrom(String handlerClass) {
        String start = handlerClass.replace('.', '/');
        ClassInfo handler = classes.get(start);
        if (handler == null) {
            throw new IllegalArgumentException(handlerClass + " is not among the main classes on the class path");
        }
        List<SdkCall> calls = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<Step> work = new ArrayDeque<>();
        handler.methods().keySet().forEach(m -> work.add(new Step(start, m, null, Set.of())));
        while (!work.isEmpty()) {
            Step item = work.pop();
            String owner = item.owner();
            String adapter = adapters.contains(simpleName(owner)) ? simpleName(owner) : item.adapter();
            if (!visited.add(owner + "." + item.method() + "@" + adapter + item.callerIndexStrings())) {
                continue;
            }
            MethodInfo method = classes.get(owner).methods().get(item.method());
            Set<String> strings = new LinkedHashSet<>(method.strings);
            strings.addAll(item.callerIndexStrings());
            boolean namesIndex = method.namesIndex || !item.callerIndexStrings().isEmpty();
            for (String lambda : method.lambdas) {
                MethodInfo body = methodAt(lambda);
                if (body != null) {
                    strings.addAll(body.strings);
                    namesIndex |= body.namesIndex;
                }
            }
            // A request built here with an index name may be sent by a helper it calls (queryAll(request)).
            Set<String> handedDown = namesIndex ? Set.copyOf(strings) : Set.of();
            for (Invocation call : method.calls) {
                String service = CLIENTS.get(call.owner());
                if (service != null && call.onInterface()) {
                    calls.add(new SdkCall(service + ":" + iamAction(call.name()), adapter,
                            owner.replace('/', '.') + "." + item.method().substring(0, item.method().indexOf('(')),
                            namesIndex, strings));
                } else if (call.owner().startsWith("io/kefu/")) {
                    for (String target : targets(call)) {
                        work.add(new Step(target, call.name() + call.descriptor(), adapter,
                                method.lambdas.contains(target + "." + call.name() + call.descriptor()) ? Set.of() : handedDown));
                    }
                }
            }
        }
        return calls;
    }

    /** Every SDK action called anywhere in {@code className} (and its inner classes), reachable or not. */
    public Set<String> actionsDeclaredIn(String className) {
        String internal = className.replace('.', '/');
        Set<String> actions = new java.util.TreeSet<>();
        classes.forEach((name, info) -> {
            if (name.equals(internal) || name.startsWith(internal + "$")) {
                info.methods().values().forEach(m -> m.calls.stream()
                        .filter(c -> CLIENTS.containsKey(c.owner()) && c.onInterface())
                        .forEach(c -> actions.add(CLIENTS.get(c.owner()) + ":" + iamAction(c.name()))));
            }
        });
        return actions;
    }

    /** {@code getItem} -> {@code GetItem}; paginators are the operation they page. */
    static String iamAction(String method) {
        String operation = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
        return Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }

    private MethodInfo methodAt(String ownerAndMethod) {
        int dot = ownerAndMethod.indexOf('.');
        ClassInfo owner = classes.get(ownerAndMethod.substring(0, dot));
        return owner == null ? null : owner.methods().get(ownerAndMethod.substring(dot + 1));
    }

    /** Classes whose body of {@code call} may run: the declaring class up the hierarchy, and every override below. */
    private Set<String> targets(Invocation call) {
        String signature = call.name() + call.descriptor();
        Set<String> out = new LinkedHashSet<>();
        for (String c = call.owner(); c != null && classes.containsKey(c); c = classes.get(c).superName()) {
            if (classes.get(c).methods().containsKey(signature)) {
                out.add(c);
                break;
            }
        }
        if (!call.dynamic() && !call.name().equals("<init>")) {
            Deque<String> below = new ArrayDeque<>(subtypes.getOrDefault(call.owner(), Set.of()));
            Set<String> seen = new HashSet<>();
            while (!below.isEmpty()) {
                String sub = below.pop();
                if (!seen.add(sub) || !classes.containsKey(sub)) {
                    continue;
                }
                if (classes.get(sub).methods().containsKey(signature)) {
                    out.add(sub);
                }
                below.addAll(subtypes.getOrDefault(sub, Set.of()));
            }
        }
        return out;
    }

    private void read(InputStream in) throws IOException {
        ClassReader reader = new ClassReader(in);
        if (!reader.getClassName().startsWith("io/kefu/")) {
            return;
        }
        Map<String, MethodInfo> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodInfo info = new MethodInfo();
                methods.put(name + descriptor, info);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        info.calls.add(new Invocation(owner, method, desc, opcode == Opcodes.INVOKESTATIC
                                || opcode == Opcodes.INVOKESPECIAL, opcode == Opcodes.INVOKEINTERFACE));
                        if (method.equals("indexName") && owner.startsWith("software/amazon/awssdk/services/dynamodb/model/")) {
                            info.namesIndex = true;
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle h && h.getOwner().startsWith("io/kefu/")) {
                                info.calls.add(new Invocation(h.getOwner(), h.getName(), h.getDesc(),
                                        h.getTag() == Opcodes.H_INVOKESTATIC || h.getTag() == Opcodes.H_INVOKESPECIAL
                                                || h.getTag() == Opcodes.H_NEWINVOKESPECIAL, false));
                                info.lambdas.add(h.getOwner() + "." + h.getName() + h.getDesc());
                            }
                        }
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String s) {
                            info.strings.add(s);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        classes.put(reader.getClassName(), new ClassInfo(reader.getClassName(), reader.getSuperName(),
                List.of(reader.getInterfaces()), methods));
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }
}
