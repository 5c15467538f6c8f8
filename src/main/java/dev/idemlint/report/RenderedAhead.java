package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.source.Background;
import dev.idemlint.source.Spare;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings a reporter renders ahead, as UTF-8 bytes, on threads of the lint that would otherwise wait
 * (see {@link dev.idemlint.rule.Linter#lint}): the lint hands over the files' findings once they are
 * final, each list is rendered 64 findings per spare step, and writing the report then mostly copies
 * bytes. The report finds its findings among those handed over by walking the handed-over list beside
 * its own (the same order, with the project rules' findings between them), and by identity when
 * findings were left out (--ignore, a baseline) or several trees were linted. At most a budget of
 * bytes is rendered ahead; the reporter formats the rest itself.
 */
final class RenderedAhead {
    /** Findings rendered per spare step: about 80 KB of JSON, a fraction of a millisecond. */
    static final int CHUNK = 64;

    /** How a reporter writes one finding. */
    interface Renderer {
        void render(Diagnostic d, JsonBytes out);
    }

    private final Renderer renderer;
    private final long budget;
    private final List<Part> parts = new ArrayList<>();
    private final AtomicLong rendered = new AtomicLong();
    /** The walk's place: the list and the index of the finding expected next. */
    private Part atList;
    private int atIndex;

    RenderedAhead(Renderer renderer, long budget) {
        this.renderer = renderer;
        this.budget = budget;
    }

    /** Spare work that renders {@code ds} ahead. */
    Spare add(List<Diagnostic> ds) {
        Part p = new Part(ds);
        parts.add(p);
        return p;
    }

    /**
     * Renders what the lint left (up to the budget) on this thread and the pool's workers at once,
     * and starts the walk at the first finding handed over; the report then writes in order.
     */
    void finish() {
        Background.drain(new Spare() {
            @Override
            public boolean step() {
                for (Part p : parts) {
                    if (p.step()) {
                        return true;
                    }
                }
                return false;
            }
        });
        atList = parts.isEmpty() ? null : parts.get(0);
        atIndex = 0;
    }

    /**
     * Whether {@code d} was rendered ahead; when it was handed over but not rendered, the walk steps
     * past it (the reporter formats it).
     */
    boolean renderedAhead(Diagnostic d) {
        if (!locate(d)) {
            return false;
        }
        if (atList.rendered(atIndex)) {
            return true;
        }
        atIndex++;
        return false;
    }

    /**
     * Writes the rendered findings from {@code ds[from]} on (which {@link #renderedAhead} said is),
     * as long as they follow each other in the list handed over, a chunk's run in one write; leaves
     * out the first {@code skip} bytes of the first one. Returns the index after the last one written.
     */
    int copy(List<Diagnostic> ds, int from, int skip, Appendable out) throws IOException {
        Part a = atList;
        int p = atIndex;
        int i = from;
        while (true) {
            int n = matching(ds, i, a, p);
            i += n;
            p += n;
            if (n == 0 || p == a.ds.size()) {
                break;
            }
        }
        int begin = a.start(atIndex) + skip;
        for (int q = atIndex; q < p;) {
            int chunkEnd = Math.min(p, (q / CHUNK + 1) * CHUNK);
            emit(a.chunks[q / CHUNK], begin, a.end(chunkEnd - 1), out);
            q = chunkEnd;
            begin = 0;
        }
        atIndex = p;
        return i;
    }

    /** UTF-8 bytes to {@code out}: as they are when it is a UTF-8 byte sink, else decoded. */
    static void emit(byte[] utf8, int from, int to, Appendable out) throws IOException {
        if (out instanceof Utf8Output bytes) {
            bytes.write(utf8, from, to - from);
        } else {
            out.append(new String(utf8, from, to - from, StandardCharsets.UTF_8));
        }
    }

    /** Whether {@code d} was handed over; if so {@link #atList} and {@link #atIndex} say where. */
    private boolean locate(Diagnostic d) {
        if (atList != null && atIndex < atList.ds.size() && atList.ds.get(atIndex) == d) {
            return true;
        }
        for (Part a : parts) {
            Integer at = a.index().get(d);
            if (at != null) {
                atList = a;
                atIndex = at;
                return true;
            }
        }
        return false;
    }

    /**
     * How many findings from {@code ds[i]} on are those of {@code a} from {@code p} on, up to the end
     * of {@code p}'s chunk (when it was rendered). A method per chunk, so that C1 compiles it early:
     * the report calls it once per chunk, hundreds of times, but runs the loop that calls it once.
     */
    private static int matching(List<Diagnostic> ds, int i, Part a, int p) {
        if (!a.rendered(p)) {
            return 0;
        }
        int end = Math.min(a.ds.size(), (p / CHUNK + 1) * CHUNK);
        int n = 0;
        while (p + n < end && i + n < ds.size() && ds.get(i + n) == a.ds.get(p + n)) {
            n++;
        }
        return n;
    }

    /**
     * One handed-over list: chunk {@code c} holds findings {@code c * CHUNK...}, {@code ends[c]} where
     * each ends. The first step indexes the findings by identity, for the report to find them in its
     * own list.
     */
    private final class Part implements Spare {
        private final List<Diagnostic> ds;
        private final byte[][] chunks;
        private final int[][] ends;
        private final AtomicInteger next = new AtomicInteger();
        private Map<Diagnostic, Integer> index;

        Part(List<Diagnostic> ds) {
            this.ds = ds;
            int n = (ds.size() + CHUNK - 1) / CHUNK;
            chunks = new byte[n][];
            ends = new int[n][];
        }

        @Override
        public boolean step() {
            int c = next.getAndIncrement() - 1;
            if (c < 0) {
                index();
                return true;
            }
            if (c >= chunks.length || rendered.get() > budget) {
                return false;
            }
            int from = c * CHUNK;
            int to = Math.min(ds.size(), from + CHUNK);
            JsonBytes sb = new JsonBytes((to - from) * 1400);
            int[] at = new int[to - from];
            for (int i = from; i < to; i++) {
                renderer.render(ds.get(i), sb);
                at[i - from] = sb.length();
            }
            rendered.addAndGet(sb.length());
            ends[c] = at;
            chunks[c] = sb.bytes(); // read by the report, after the lint has waited for its steps
            return true;
        }

        /** Each finding's index in the list, by identity (built by the first step, or here). */
        Map<Diagnostic, Integer> index() {
            if (index == null) {
                Map<Diagnostic, Integer> m = new IdentityHashMap<>(ds.size() * 4 / 3 + 1);
                for (int i = 0; i < ds.size(); i++) {
                    m.put(ds.get(i), i);
                }
                index = m;
            }
            return index;
        }

        boolean rendered(int p) {
            return chunks[p / CHUNK] != null;
        }

        /** Where the rendering of the finding at {@code p} starts in its chunk. */
        int start(int p) {
            return p % CHUNK == 0 ? 0 : ends[p / CHUNK][p % CHUNK - 1];
        }

        int end(int p) {
            return ends[p / CHUNK][p % CHUNK];
        }
    }
}
