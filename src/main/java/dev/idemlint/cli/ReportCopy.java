package dev.idemlint.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stdout, and a copy of what went through it for the result cache to replay, in pieces (no array as
 * big as a report of megabytes, and none copied as it grows); past {@link #LIMIT} bytes the copy is
 * dropped (the report is printed, not kept).
 */
final class ReportCopy extends FilterOutputStream {
    private static final long LIMIT = 1L << 28;
    private static final int PIECE = 1 << 16;
    private List<byte[]> pieces = new ArrayList<>();
    private byte[] last = new byte[PIECE];
    private int used;
    private long size;

    ReportCopy(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        size += len;
        if (pieces == null || size > LIMIT) {
            pieces = null;
            return;
        }
        while (len > 0) {
            int n = Math.min(len, PIECE - used);
            System.arraycopy(b, off, last, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == PIECE) {
                pieces.add(last);
                last = new byte[PIECE];
                used = 0;
            }
        }
    }

    /** What went through, or null when it was more than {@link #LIMIT}. */
    List<byte[]> copy() {
        if (pieces == null) {
            return null;
        }
        List<byte[]> all = new ArrayList<>(pieces);
        all.add(Arrays.copyOf(last, used));
        return all;
    }
}
