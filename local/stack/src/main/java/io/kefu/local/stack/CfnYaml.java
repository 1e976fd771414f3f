package io.kefu.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: the short-form intrinsics ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, and the
 * rest as {@link Intrinsic.Other}) and the long forms ({@code {Ref: X}}, {@code {"Fn::GetAtt": ...}}) both
 * become {@link Intrinsic} values.
 */
final class CfnYaml {
    private static final List<String> OTHER_FUNCTIONS = List.of(
            "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue",
            "Base64", "GetAZs", "Condition", "Cidr", "Transform", "ToJsonString", "Length");

    private CfnYaml() {}

    static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(10 * 1024 * 1024);
            Object loaded = new Yaml(new Constructor(options)).load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) longForms(loaded);
            return root;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object longForms(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                if (key instanceof String k && (k.equals("Ref") || k.startsWith("Fn::"))) {
                    return Intrinsic.fromLongForm(k, longForms(map.get(k)));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, longForms(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CfnYaml::longForms).toList();
        }
        return value;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Construct(v -> new Intrinsic.Ref(String.valueOf(v))));
            yamlConstructors.put(new Tag("!GetAtt"), new Construct(Intrinsic::getAtt));
            yamlConstructors.put(new Tag("!Sub"), new Construct(Intrinsic::sub));
            for (String function : OTHER_FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Construct(v -> new Intrinsic.Other(function, v)));
            }
        }

        private final class Construct extends AbstractConstruct {
            private final java.util.function.Function<Object, Intrinsic> make;

            Construct(java.util.function.Function<Object, Intrinsic> make) {
                this.make = make;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return make.apply(value);
            }
        }
    }
}
