package org.sacrum.backup.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads "\n"-separated lines from a stream, never holding more than one line of at most maxBytes bytes. */
final class BoundedLines {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long number;

    static final class TooLong extends IOException {
        final long line;

        TooLong(long line) {
            super("line " + line + " is too long");
            this.line = line;
        }
    }

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line's bytes without its "\n", or null at the end of the stream (a last line without "\n" counts). */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line == null) {
                        return null;
                    }
                    number++;
                    return line.toByteArray();
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if ((line == null ? 0 : line.size()) + length > maxBytes) {
                throw new TooLong(number + 1);
            }
            if (position < limit) { // found the end of the line
                position++;
                number++;
                if (line == null) {
                    return Arrays.copyOfRange(buffer, start, start + length);
                }
                line.write(buffer, start, length);
                return line.toByteArray();
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(length, 256));
            }
            line.write(buffer, start, length);
        }
    }

    /** The number of the line next() last returned, counting from 1. */
    long number() {
        return number;
    }
}
