package org.groupbuy.client.commands;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groupbuy.client.failure.CliFailure;

/** A JSON argument given inline or as {@code @file.json}; checked and sent compact. */
public final class JsonArgument {
    private JsonArgument() {
    }

    public static String read(String value) {
        return parse(value).toString();
    }

    public static JsonElement parse(String value) {
        String text = value;
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliFailure.usage("BAD_JSON", "cannot read " + file + ": " + e.getMessage());
            }
        }
        try {
            JsonElement element = JsonParser.parseString(text);
            if (element.isJsonNull()) {
                throw new JsonSyntaxException("empty");
            }
            return element;
        } catch (JsonSyntaxException e) {
            throw CliFailure.usage("BAD_JSON", "not valid JSON (" + abbreviate(value) + "): " + e.getMessage());
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
