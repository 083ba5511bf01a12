package org.seiche.pipeline.file;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.seiche.api.SeicheException;

/**
 * A node of the pipeline file with its dotted path (model.parameters.v), so that every
 * complaint names the field it is about.
 */
final class Field {
    private final String path;
    private final JsonNode node;

    Field(String path, JsonNode node) {
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    Field get(String key) {
        String p = path.isEmpty() ? key : path + "." + key;
        return new Field(p, node != null && node.isObject() ? node.get(key) : null);
    }

    boolean has(String key) {
        return get(key).present();
    }

    Field required(String key) {
        Field f = get(key);
        if (!f.present()) {
            throw fail(f.path, "is missing");
        }
        return f;
    }

    SeicheException fail(String what) {
        return fail(path, what);
    }

    static SeicheException fail(String path, String what) {
        return new SeicheException(path + ": " + what);
    }

    String text() {
        if (!present() || !node.isValueNode()) {
            throw fail("expected a word, got " + describe());
        }
        return node.asText();
    }

    String text(String fallback) {
        return present() ? text() : fallback;
    }

    double number() {
        if (!present() || !node.isNumber()) {
            throw fail("expected a number, got " + describe());
        }
        return node.asDouble();
    }

    double number(double fallback) {
        return present() ? number() : fallback;
    }

    int integer() {
        if (!present() || !node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            throw fail("expected a whole number, got " + describe());
        }
        return node.asInt();
    }

    int integer(int fallback) {
        return present() ? integer() : fallback;
    }

    boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail("expected true or false, got " + describe());
        }
        return node.asBoolean();
    }

    /** One number, or a list of them. */
    double[] numbers() {
        if (present() && node.isArray()) {
            double[] out = new double[node.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Field(path + "[" + i + "]", node.get(i)).number();
            }
            return out;
        }
        return new double[] {number()};
    }

    /** One whole number, or a list of them. */
    int[] integers() {
        if (present() && node.isArray()) {
            int[] out = new int[node.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Field(path + "[" + i + "]", node.get(i)).integer();
            }
            return out;
        }
        return new int[] {integer()};
    }

    /** One word, or a list of words. */
    List<String> words() {
        List<String> out = new ArrayList<>();
        if (present() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Field(path + "[" + i + "]", node.get(i)).text());
            }
        } else if (present()) {
            out.add(text());
        }
        return out;
    }

    List<Field> elements() {
        if (!present() || !node.isArray()) {
            throw fail("expected a list, got " + describe());
        }
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new Field(path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    List<String> keys() {
        List<String> out = new ArrayList<>();
        if (present() && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                out.add(it.next().getKey());
            }
        }
        return out;
    }

    void requireObject() {
        if (!present() || !node.isObject()) {
            throw fail("expected a mapping of keys to values, got " + describe());
        }
    }

    private String describe() {
        if (!present()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }
}
