package dev.gantry.secrets.internal.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Walks every commit reachable from any ref, oldest first, and scans the lines each commit added, as a patch shows
 * them: a secret committed once and deleted later is still found at the commit that added it. Merge commits are not
 * diffed (what they bring was found where it was committed). Blobs over the size limit and binary blobs are
 * skipped and counted.
 */
public final class GitHistoryScanner {

    /** At most this many characters of one line are scanned, so a minified file cannot stall the scan. */
    static final int MAX_LINE_CHARS = 10_000;

    /** One leak, with no more of the secret than its redacted preview. */
    public record Found(String fingerprint, String rule, String commit, String file, int line, String preview,
            @Nullable String managedPath, String author, Instant committedAt) {
    }

    public record Totals(int commits, int blobsScanned, int blobsSkipped) {
    }

    private final long maxBlobBytes;
    private final ManagedValueIndex managed;

    public GitHistoryScanner(long maxBlobBytes, ManagedValueIndex managed) {
        this.maxBlobBytes = maxBlobBytes;
        this.managed = managed;
    }

    /**
     * Scans the repository at {@code directory} (a working tree or a bare repository).
     *
     * @throws IllegalArgumentException if there is no git repository there
     */
    public Totals scan(Path directory, Consumer<Found> findings) {
        int commits = 0;
        int scanned = 0;
        int skipped = 0;
        try (Git git = Git.open(directory.toFile());
             RevWalk walk = new RevWalk(git.getRepository());
             DiffFormatter diffs = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            Repository repository = git.getRepository();
            diffs.setRepository(repository);
            diffs.setDetectRenames(false);
            markEveryRef(repository, walk);
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            for (RevCommit commit : walk) {
                commits++;
                if (commit.getParentCount() > 1) {
                    continue;
                }
                ObjectId parentTree = commit.getParentCount() == 0 ? null
                        : walk.parseCommit(commit.getParent(0)).getTree();
                for (DiffEntry entry : diffs.scan(parentTree, commit.getTree())) {
                    if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                            || entry.getNewMode() == FileMode.GITLINK) {
                        continue;
                    }
                    ObjectLoader blob = repository.open(entry.getNewId().toObjectId());
                    if (blob.getSize() > maxBlobBytes) {
                        skipped++;
                        continue;
                    }
                    byte[] bytes = blob.getCachedBytes((int) maxBlobBytes);
                    if (RawText.isBinary(bytes)) {
                        skipped++;
                        continue;
                    }
                    scanned++;
                    scanBlob(commit, entry, new RawText(bytes), addedLines(diffs, entry), findings);
                }
            }
        } catch (RepositoryNotFoundException e) {
            throw new IllegalArgumentException("no git repository at " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the git repository at " + directory, e);
        }
        return new Totals(commits, scanned, skipped);
    }

    private static void markEveryRef(Repository repository, RevWalk walk) throws IOException {
        for (Ref ref : repository.getRefDatabase().getRefs()) {
            ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
            if (id == null) {
                continue;
            }
            RevObject object = walk.parseAny(id);
            while (object instanceof RevTag tag) {
                object = walk.parseAny(tag.getObject());
            }
            if (object instanceof RevCommit commit) {
                walk.markStart(commit);
            }
        }
    }

    /** The 0-based line ranges of the new blob that this commit added. */
    private static List<Edit> addedLines(DiffFormatter diffs, DiffEntry entry) throws IOException {
        if (entry.getChangeType() != DiffEntry.ChangeType.MODIFY) {
            return List.of(new Edit(0, 0, 0, Integer.MAX_VALUE));
        }
        return diffs.toFileHeader(entry).toEditList();
    }

    private void scanBlob(RevCommit commit, DiffEntry entry, RawText text, List<Edit> edits, Consumer<Found> out) {
        String file = entry.getNewPath();
        for (Edit edit : edits) {
            int end = Math.min(edit.getEndB(), text.size());
            for (int index = edit.getBeginB(); index < end; index++) {
                String line = text.getString(index);
                if (line.length() > MAX_LINE_CHARS) {
                    line = line.substring(0, MAX_LINE_CHARS);
                }
                scanLine(commit, file, index + 1, line, out);
            }
        }
    }

    private void scanLine(RevCommit commit, String file, int lineNumber, String line, Consumer<Found> out) {
        List<LeakRules.Match> managedMatches = new ArrayList<>();
        for (ManagedCandidates.Span span : ManagedCandidates.of(line)) {
            if (LeakRules.overlapsAny(managedMatches, span.start(), span.end())) {
                continue;
            }
            Optional<String> path = managed.pathOf(line.substring(span.start(), span.end()));
            if (path.isPresent()) {
                managedMatches.add(new LeakRules.Match(LeakRules.MANAGED_VALUE, span.start(), span.end()));
                out.accept(found(commit, file, lineNumber, LeakRules.MANAGED_VALUE,
                        line.substring(span.start(), span.end()), path.get()));
            }
        }
        for (LeakRules.Match match : LeakRules.scan(line)) {
            if (!LeakRules.overlapsAny(managedMatches, match.start(), match.end())) {
                out.accept(found(commit, file, lineNumber, match.rule(), line.substring(match.start(), match.end()),
                        null));
            }
        }
    }

    private static Found found(RevCommit commit, String file, int line, String rule, String secret,
            @Nullable String managedPath) {
        String id = commit.getName();
        return new Found(fingerprint(id, file, rule, line), rule, id, file, line, Redaction.preview(secret),
                managedPath, commit.getAuthorIdent().getName(), Instant.ofEpochSecond(commit.getCommitTime()));
    }

    /** SHA-256 of {@code commit:file:rule:line}: stable across scans, so an allowed finding stays allowed. */
    public static String fingerprint(String commit, String file, String rule, int line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((commit + ":" + file + ":" + rule + ":" + line).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
