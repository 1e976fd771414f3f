package io.kefu.local.stack;

import java.util.List;
import java.util.Map;

/** A CloudFormation intrinsic function as it appears in the template, short form or long form. */
public sealed interface Intrinsic {

    /** {@code !Ref Name}: a parameter, a pseudo parameter or a resource's primary id. */
    record Ref(String name) implements Intrinsic {}

    /** {@code !GetAtt Resource.Attribute}. */
    record GetAtt(String resource, String attribute) implements Intrinsic {}

    /** {@code !Sub "text ${Name} ${Res.Attr}"}, optionally with its own variables. */
    record Sub(String text, Map<String, Object> variables) implements Intrinsic {}

    /** Any other function ({@code !Join}, {@code !If}, ...): kept so it can be reported, not resolved. */
    record Other(String function, Object argument) implements Intrinsic {}

    static Intrinsic fromLongForm(String key, Object value) {
        return switch (key) {
            case "Ref" -> new Ref(String.valueOf(value));
            case "Fn::GetAtt" -> getAtt(value);
            case "Fn::Sub" -> sub(value);
            default -> new Other(key.replace("Fn::", ""), value);
        };
    }

    static GetAtt getAtt(Object value) {
        if (value instanceof List<?> parts && parts.size() == 2) {
            return new GetAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
        }
        String text = String.valueOf(value);
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("GetAtt needs Resource.Attribute, got " + text);
        }
        return new GetAtt(text.substring(0, dot), text.substring(dot + 1));
    }

    @SuppressWarnings("unchecked")
    static Sub sub(Object value) {
        if (value instanceof List<?> parts && parts.size() == 2) {
            return new Sub(String.valueOf(parts.get(0)), (Map<String, Object>) parts.get(1));
        }
        return new Sub(String.valueOf(value), Map.of());
    }
}
