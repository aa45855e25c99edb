package dev.kontor.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes that tell a class or a module has grown past one purpose, measured on the main sources as {@code wc -l}
 * counts lines: no module above 20 % of all main lines, no class above 500 lines, no method (or constructor) above 80.
 * Decision 0015.
 */
class CodeSizeTest {

    private static final Path MAIN = Path.of("src/main/java/dev/kontor");

    static {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    }

    @Test
    void noModuleHoldsMoreThanAFifthOfTheCode() {
        Map<String, Long> perModule = new TreeMap<>();
        long total = 0;
        for (Path file : javaFiles()) {
            long lines = lines(file).size();
            Path relative = MAIN.relativize(file);
            String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(application)";
            perModule.merge(module, lines, Long::sum);
            total += lines;
        }
        long limit = total / 5;
        assertThat(perModule)
                .as("lines per module, of %d in all (at most %d each)", total, limit)
                .allSatisfy((module, lines) ->
                        assertThat(lines).as("%s has %d lines", module, lines).isLessThanOrEqualTo(limit));
    }

    @Test
    void noClassIsLongerThanFiveHundredLines() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles()) {
            int lines = lines(file).size();
            if (lines > 500) {
                tooLong.add(MAIN.relativize(file) + ": " + lines);
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void noMethodIsLongerThanEightyLines() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles()) {
            CompilationUnit unit = parse(file);
            for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
                int lines = callable.getEnd().orElseThrow().line
                        - callable.getBegin().orElseThrow().line
                        + 1;
                if (lines > 80) {
                    tooLong.add(MAIN.relativize(file) + " " + callable.getNameAsString() + ": " + lines);
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompilationUnit parse(Path file) {
        try {
            return StaticJavaParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
