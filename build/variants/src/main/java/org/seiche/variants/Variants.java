package org.seiche.variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the variants of a module's sources that its table names (see README.md): each
 * generated file is its source with the named rule sets applied in order, under the name
 * its class gets through the same rules, marked as generated on its first line. Files in
 * the output folder that this run did not write (their source or line is gone) are removed.
 */
public final class Variants {
    static final String TOOL = "seiche-variants";

    /** One substitution: a literal string, or a regular expression written between slashes. */
    record Rule(Pattern from, String to) {
        String apply(String text) {
            return from.matcher(text).replaceAll(to);
        }
    }

    /** One "generate" line: the sources its glob matches, with these rule sets in this order. */
    record Generate(String glob, List<String> ruleSets, int line) {
    }

    /** One file to write: where, from which source, under which rule sets, and its text. */
    record Output(Path file, Path source, String variant, String text) {
    }

    final Map<String, List<Rule>> ruleSets = new LinkedHashMap<>();
    final List<Generate> generates = new ArrayList<>();
    private final String tableName;

    private Variants(String tableName) {
        this.tableName = tableName;
    }

    /** Runs {@link #run}; a bad table or argument is one line on stderr and exit status 1. */
    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(TOOL + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Arguments: the module folder, its table, the source root and the output folder
     * (relative paths from the module folder).
     */
    static void run(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Variants MODULE_DIR TABLE SOURCE_ROOT OUTPUT_DIR (got " + args.length + " arguments)");
        }
        Path module = Path.of(args[0]);
        Path table = module.resolve(args[1]);
        List<Output> outputs = read(table).plan(module, module.resolve(args[2]));
        int written = write(outputs, module.resolve(args[3]));
        System.out.println(TOOL + ": " + outputs.size() + " variants from " + module.relativize(table) + " (" + written + " rewritten)");
    }

    /** Reads a table: "[name]" opens a rule set, "FROM => TO" adds a rule, "generate GLOB with A, B" a line. */
    static Variants read(Path table) throws IOException {
        Variants variants = new Variants(table.getFileName().toString());
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        List<Rule> open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                if (name.isEmpty() || variants.ruleSets.containsKey(name)) {
                    throw variants.wrong(number, "rule set '" + name + "' is empty-named or defined twice");
                }
                open = new ArrayList<>();
                variants.ruleSets.put(name, open);
            } else if (line.startsWith("generate ")) {
                variants.generates.add(variants.generate(line.substring("generate ".length()), number));
            } else if (line.contains("=>")) {
                if (open == null) {
                    throw variants.wrong(number, "a rule before any [rule set]");
                }
                open.add(variants.rule(line, number));
            } else {
                throw variants.wrong(number, "expected [rule set], FROM => TO or generate GLOB with RULE SETS, got '" + line + "'");
            }
        }
        for (Generate generate : variants.generates) {
            for (String name : generate.ruleSets()) {
                if (!variants.ruleSets.containsKey(name)) {
                    throw variants.wrong(generate.line(), "no rule set named '" + name + "' (known: " + variants.ruleSets.keySet() + ")");
                }
            }
        }
        return variants;
    }

    private Rule rule(String line, int number) {
        int arrow = line.indexOf("=>");
        String from = line.substring(0, arrow).strip();
        String to = line.substring(arrow + 2).strip();
        if (from.isEmpty()) {
            throw wrong(number, "a rule with nothing to replace");
        }
        if (from.length() > 2 && from.startsWith("/") && from.endsWith("/")) {
            return new Rule(Pattern.compile(from.substring(1, from.length() - 1)), Matcher.quoteReplacement(to));
        }
        return new Rule(Pattern.compile(Pattern.quote(from)), Matcher.quoteReplacement(to));
    }

    private Generate generate(String rest, int number) {
        String[] parts = rest.split("\\swith\\s", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw wrong(number, "expected generate GLOB with RULE SET[, RULE SET...]");
        }
        List<String> names = Arrays.stream(parts[1].split(",")).map(String::strip).toList();
        return new Generate(parts[0].strip(), names, number);
    }

    private IllegalArgumentException wrong(int line, String what) {
        return new IllegalArgumentException(tableName + " line " + line + ": " + what);
    }

    /** The files this table makes from the sources under sourceRoot, refused if a line matches nothing or two outputs collide. */
    List<Output> plan(Path module, Path sourceRoot) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            sources = walk.filter(Files::isRegularFile).map(sourceRoot::relativize).sorted().toList();
        }
        Map<Path, Output> outputs = new LinkedHashMap<>();
        for (Generate generate : generates) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + generate.glob());
            List<Path> matched = sources.stream().filter(matcher::matches).toList();
            if (matched.isEmpty()) {
                throw wrong(generate.line(), "'" + generate.glob() + "' matches no file under " + module.relativize(sourceRoot));
            }
            for (Path source : matched) {
                String text = Files.readString(sourceRoot.resolve(source), StandardCharsets.UTF_8);
                String name = className(source);
                for (String set : generate.ruleSets()) {
                    for (Rule rule : ruleSets.get(set)) {
                        text = rule.apply(text);
                        name = rule.apply(name);
                    }
                }
                Path file = Path.of(name.replace('.', '/') + ".java");
                String variant = String.join(", ", generate.ruleSets());
                Path from = module.relativize(sourceRoot.resolve(source));
                if (file.equals(source) || sources.contains(file)) {
                    throw wrong(generate.line(), "the " + variant + " variant of " + from + " would be named like a source, " + file);
                }
                Output clash = outputs.get(file);
                if (clash != null) {
                    throw wrong(generate.line(), file + " is made twice: from " + clash.source() + " (" + clash.variant() + ") and " + from + " (" + variant + ")");
                }
                outputs.put(file, new Output(file, from, variant, text));
            }
        }
        return List.copyOf(outputs.values());
    }

    /** The dotted name of a source (org/x/Y.java -> org.x.Y), which the rules rename like the text. */
    private static String className(Path source) {
        String path = source.toString().replace('\\', '/');
        if (!path.endsWith(".java")) {
            throw new IllegalArgumentException(path + ": only .java sources have variants");
        }
        return path.substring(0, path.length() - ".java".length()).replace('/', '.');
    }

    /** The generated file's first line, then the substituted source. */
    static String marked(Output output) {
        return "// GENERATED by " + TOOL + " from " + output.source().toString().replace('\\', '/')
                + " (" + output.variant() + "): do not edit\n" + output.text();
    }

    /**
     * Writes the outputs under folder, leaving files whose text is unchanged alone (so the
     * compiler sees them unchanged), and removes every other file there; returns how many it wrote.
     */
    static int write(List<Output> outputs, Path folder) throws IOException {
        Set<Path> kept = new TreeSet<>();
        int written = 0;
        for (Output output : outputs) {
            Path file = folder.resolve(output.file());
            kept.add(file);
            String text = marked(output);
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            written++;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path stale : walk.filter(Files::isRegularFile).filter(f -> !kept.contains(f)).toList()) {
                    Files.delete(stale);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return written;
    }
}
