package dev.idemlint.graph;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.DocHeader;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.RevisionHeader;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the fix for two files sharing a revision id: the newer file moves to the next free id of
 * the project's scheme and onto the current head of the other line, so the chain becomes linear.
 * Only revision metadata changes ({@code revision}, {@code down_revision}, the docstring's
 * {@code Revision ID:}/{@code Revises:} and the file name); schema code stays byte-identical.
 */
public final class Renumberer {
    private Renumberer() {
    }

    /** What the fix does, for messages: which file, its new id and new parent. */
    public record Renumbering(Migration file, String newId, String newParent, Fix fix) {
    }

    /**
     * The renumbering of the newest of {@code files} (all declaring {@code id}) by {@code age}, if one is
     * well defined.
     */
    public static Optional<Renumbering> plan(RevisionGraph graph, String id, List<Migration> files, FileAge age) {
        if (files.size() < 2) {
            return Optional.empty();
        }
        Migration newer = age.newest(files);
        RevisionHeader h = newer.header();
        if (h.revision() == null || h.revision().valueSpan() == null || h.downRevision() == null
                || h.downRevision().valueSpan() == null || !h.revision().resolved()) {
            return Optional.empty();
        }
        List<Migration> rest = new ArrayList<>(graph.loadOrder());
        rest.remove(newer);
        RevisionGraph without = RevisionGraph.build(rest);
        List<String> heads = new ArrayList<>();
        for (String hd : without.heads()) {
            if (without.descendants(id).contains(hd)) {
                heads.add(hd);
            }
        }
        if (heads.size() != 1) {
            heads = without.heads();
        }
        if (heads.size() != 1) {
            return Optional.empty();
        }
        String parent = heads.get(0);
        Set<String> taken = new HashSet<>(graph.revisions());
        taken.addAll(graph.branchLabels().keySet());
        RevisionScheme scheme = RevisionScheme.detect(graph.revisions());
        SourceFile src = newer.source();
        String newId = scheme.next(taken, src.displayPath() + "\n" + src.text());

        Path file = src.path();
        List<TextEdit> edits = new ArrayList<>();
        char q = HeaderSpans.quote(src, h.revision());
        Span inner = HeaderSpans.inner(src, h.revision(), id);
        // an id written with escapes (or any other spelling) is replaced by a whole new literal
        edits.add(inner != null ? TextEdit.replace(file, inner, newId)
                : TextEdit.replace(file, h.revision().valueSpan(), HeaderSpans.string(newId, q)));
        edits.add(TextEdit.replace(file, h.downRevision().valueSpan(), HeaderSpans.literal(List.of(parent), q)));
        DocHeader doc = h.doc();
        if (doc != null && doc.revisionIdSpan() != null) {
            edits.add(TextEdit.replace(file, doc.revisionIdSpan(), newId));
        }
        // a parent id that would not read back as itself is not written into the docstring
        if (doc != null && doc.revisesSpan() != null && HeaderSpans.plain(parent)) {
            edits.add(TextEdit.replace(file, doc.revisesSpan(), parent));
        }
        edits.sort(new Comparator<TextEdit>() {
            @Override
            public int compare(TextEdit a, TextEdit b) {
                return Integer.compare(a.range().start(), b.range().start());
            }
        });
        if (overlapping(edits)) {
            return Optional.empty();
        }
        List<FileChange> moves = new ArrayList<>();
        String name = src.fileName();
        Optional<FileNameId.Token> token = FileNameId.of(name);
        if (token.isPresent() && !token.get().text().equals(id)) {
            token = Optional.empty();
        }
        String newName = name;
        Optional<FileChange.Move> move = token.isPresent()
                ? FileChange.Move.rename(file, FileNameId.rename(name, token.get(), newId)) : Optional.empty();
        if (move.isPresent()) {
            newName = FileNameId.rename(name, token.get(), newId);
            moves.add(move.get());
        }
        String title = "Renumber " + name + " to revision " + newId + " after " + parent
                + (newName.equals(name) ? "" : " and rename it " + newName);
        Fix fix = new Fix(title, Applicability.UNSAFE, List.copyOf(edits), List.copyOf(moves));
        return Optional.of(new Renumbering(newer, newId, parent, fix));
    }

    private static boolean overlapping(List<TextEdit> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            Span a = sorted.get(i - 1).range();
            Span b = sorted.get(i).range();
            if (a.overlaps(b) || a.end() > b.start()) {
                return true;
            }
        }
        return false;
    }
}
