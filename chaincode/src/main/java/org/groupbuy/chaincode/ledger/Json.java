package org.groupbuy.chaincode.ledger;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groupbuy.chaincode.domain.Args;
import org.groupbuy.chaincode.domain.Computed;
import org.groupbuy.chaincode.domain.ErrorCode;

/**
 * The one Gson. Deterministic bytes: fields in declaration order, maps are TreeMaps, no HTML escaping, no
 * pretty printing, nulls left out. Parsing of arguments is strict: unknown or computed fields are refused.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    public static String write(final Object value) {
        return GSON.toJson(value);
    }

    public static <T> T read(final String json, final Class<T> type) {
        return GSON.fromJson(json, type);
    }

    /** Parses an argument, refusing unknown fields and fields the chaincode computes. */
    public static <T> T parse(final String json, final Type type, final String what) {
        final JsonElement tree = tree(json, what);
        checkFields(tree, type, what);
        try {
            return GSON.fromJson(tree, type);
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s has a value of the wrong type (%s); see docs/contract.md",
                    what, e.getMessage());
        }
    }

    /** Parses a JSON array argument into a list of {@code element}. */
    public static <T> List<T> parseList(final String json, final Class<T> element, final String what) {
        final Type listType = com.google.gson.reflect.TypeToken.getParameterized(List.class, element).getType();
        ErrorCode.INVALID_ARGUMENT.check(tree(json, what).isJsonArray(), "%s must be a JSON array", what);
        final List<T> list = parse(json, listType, what);
        return new ArrayList<>(list);
    }

    public static JsonElement tree(final String json, final String what) {
        try {
            final JsonElement tree = JsonParser.parseString(Args.present(json, what));
            ErrorCode.INVALID_ARGUMENT.check(!tree.isJsonNull(), "%s is empty", what);
            return tree;
        } catch (JsonParseException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s is not valid JSON; see docs/contract.md for its shape", what);
        }
    }

    /**
     * Walks the argument against the Java type it is read into: unknown and computed fields are refused, and
     * every value must have the JSON type of its field (a string for text, enums and ids, a whole number that
     * fits for numbers, true/false for flags, an array for lists, an object for records and maps), so Gson never
     * coerces {@code 12} into {@code "12"}, {@code "12"} or {@code 1.5} into a number, or truncates a huge one.
     */
    private static void checkFields(final JsonElement tree, final Type type, final String path) {
        if (tree.isJsonNull()) {
            return;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            final Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                ErrorCode.INVALID_ARGUMENT.check(tree.isJsonArray(), "%s must be a JSON array", path);
                for (final JsonElement e : tree.getAsJsonArray()) {
                    ErrorCode.INVALID_ARGUMENT.check(!e.isJsonNull(), "%s[] must not hold null", path);
                    checkFields(e, args[0], path + "[]");
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                ErrorCode.INVALID_ARGUMENT.check(tree.isJsonObject(), "%s must be a JSON object", path);
                tree.getAsJsonObject().entrySet().forEach(e -> checkFields(e.getValue(), args[1],
                        path + "." + e.getKey()));
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            return; // no other kind of type is declared by an argument record
        }
        if (c == String.class || c.isEnum()) {
            ErrorCode.INVALID_ARGUMENT.check(tree.isJsonPrimitive() && tree.getAsJsonPrimitive().isString(),
                    "%s must be a JSON string", path);
        } else if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
            wholeNumber(tree, path, c == int.class || c == Integer.class);
        } else if (c == boolean.class || c == Boolean.class) {
            ErrorCode.INVALID_ARGUMENT.check(tree.isJsonPrimitive() && tree.getAsJsonPrimitive().isBoolean(),
                    "%s must be true or false", path);
        } else if (c.getName().startsWith("org.groupbuy.")) {
            ErrorCode.INVALID_ARGUMENT.check(tree.isJsonObject(), "%s must be a JSON object", path);
            for (final Map.Entry<String, JsonElement> entry : tree.getAsJsonObject().entrySet()) {
                final Field field = inputField(c, entry.getKey());
                if (field == null) {
                    throw ErrorCode.INVALID_ARGUMENT.error("field '%s.%s' is not accepted; see docs/contract.md%s",
                            path, entry.getKey(), personal(entry.getKey())
                                    ? " (personal details go only through GroupBuy:PutHouseholdDetails)" : "");
                }
                checkFields(entry.getValue(), field.getGenericType(), path + "." + entry.getKey());
            }
        }
    }

    private static void wholeNumber(final JsonElement tree, final String path, final boolean asInt) {
        ErrorCode.INVALID_ARGUMENT.check(tree.isJsonPrimitive() && tree.getAsJsonPrimitive().isNumber(),
                "%s must be a JSON number", path);
        try {
            final BigDecimal value = tree.getAsBigDecimal();
            if (asInt) {
                value.intValueExact();
            } else {
                value.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be a whole number in range, got %s", path,
                    abbreviate(tree.toString()));
        }
    }

    private static String abbreviate(final String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static Field inputField(final Class<?> type, final String name) {
        for (final Field f : type.getDeclaredFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())
                    && !f.isAnnotationPresent(Computed.class)) {
                return f;
            }
        }
        return null;
    }

    private static boolean personal(final String key) {
        return List.of("name", "phone", "address", "door", "mobile").contains(key);
    }
}
