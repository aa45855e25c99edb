package dev.kontor.architecture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.kontor.KontorApplication;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagram in {@code docs/architecture/modules.puml} (shown in docs/ARCHITECTURE.md) is Spring Modulith's
 * own picture of the code: this test draws it again and fails when the committed one is out of date. Redraw it with
 * {@code ./mvnw test -Dtest=ModuleDiagramTest -Dkontor.docs.update=true}.
 */
class ModuleDiagramTest {

    private static final Path COMMITTED = Path.of("docs/architecture/modules.puml");

    @Test
    void theCommittedModuleDiagramShowsTheModulesAsTheCodeHasThem() throws IOException {
        Path folder = Path.of("target/modulith-docs");
        new Documenter(
                        ApplicationModules.of(KontorApplication.class),
                        Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults());
        String drawn = Files.readString(folder.resolve("components.puml"));
        if (Boolean.getBoolean("kontor.docs.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, drawn);
            svg(drawn, COMMITTED.resolveSibling("modules.svg"));
        }
        assertThat(lines(Files.readString(COMMITTED)))
                .as("docs/architecture/modules.puml is out of date: run ./mvnw test -Dtest=ModuleDiagramTest "
                        + "-Dkontor.docs.update=true and commit it")
                .isEqualTo(lines(drawn));
    }

    /** The diagram's lines in a fixed order: the Documenter writes the same relations in varying order. */
    private static List<String> lines(String plantUml) {
        return plantUml.lines().map(String::strip).sorted().toList();
    }

    /** The diagram as a picture, laid out by PlantUML's own engine (no Graphviz needed). */
    private static void svg(String plantUml, Path to) throws IOException {
        String source = plantUml.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (OutputStream out = Files.newOutputStream(to)) {
            new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        }
    }
}
