package dev.gantry.domain.policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates policy packs. A pack is either returned whole and valid, or refused with a
 * {@link PolicyPackException} listing every problem with source, line, column and field.
 *
 * <p>Packs are configuration, but a pack file may come from anywhere an operator points Gantry at, so the YAML is
 * read defensively: it is only composed into nodes (no object is ever constructed from a tag), aliases and nesting
 * are capped against expansion bombs, and size is capped before parsing.
 */
public final class PolicyPackLoader {

    /** About one megabyte of text; the largest shipped pack is a few kilobytes. */
    public static final int MAX_CODE_POINTS = 1_000_000;
    public static final long MAX_FILE_BYTES = 1L << 20;
    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 20;

    public PolicyPack load(Path file) {
        Path fileName = file.getFileName();
        String source = fileName == null ? file.toString() : fileName.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw refused(source, "is " + size + " bytes; a policy pack may be at most " + MAX_FILE_BYTES);
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return load(source, reader);
            }
        } catch (IOException unreadable) {
            throw refused(source, "cannot be read: " + unreadable);
        }
    }

    public PolicyPack load(String sourceName, Reader yaml) {
        Problems problems = new Problems(sourceName);
        Node document;
        try {
            document = new Yaml(new SafeConstructor(options())).compose(new BoundedReader(yaml, MAX_CODE_POINTS));
        } catch (BoundedReader.LimitExceeded tooLong) {
            throw refused(sourceName, tooLong.getMessage());
        } catch (MarkedYAMLException malformed) {
            Mark mark = malformed.getProblemMark() != null ? malformed.getProblemMark() : malformed.getContextMark();
            String message = "not valid YAML: " + malformed.getProblem()
                    + (malformed.getContext() != null ? " (" + malformed.getContext() + ")" : "");
            if (mark == null) {
                problems.withoutPosition(message);
            } else {
                problems.at(mark, "", message);
            }
            throw problems.refusal();
        } catch (YAMLException refusedByLimits) {
            // Size, alias and nesting limits, and unreadable or undecodable input, carry no position.
            problems.withoutPosition("refused: " + refusedByLimits.getMessage());
            throw problems.refusal();
        }
        if (document == null) {
            throw refused(sourceName, "is empty");
        }
        return new PackReader(sourceName, problems).read(document);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static PolicyPackException refused(String source, String message) {
        return new PolicyPackException(List.of(new PolicyProblem(source, 0, 0, "", message)));
    }
}
