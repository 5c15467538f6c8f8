package dev.idemlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PEP 263 coding lines read as CPython reads them (expectations checked with CPython 3.11's compile()). */
class SourceEncodingTest {
    @Test
    void every_codec_cpython_knows_maps_to_a_java_charset_or_is_marked_as_having_none() {
        for (Map.Entry<String, String> e : PythonCodecs.JAVA.entrySet()) {
            assertEquals(SourceEncoding.normalize(e.getKey()), e.getKey(), "keys are normalized");
            if (!e.getValue().isEmpty()) {
                assertTrue(Charset.isSupported(e.getValue()), e.getKey() + " -> " + e.getValue());
            }
        }
        // the names of the report, and CPython's spellings Java has no alias for
        for (String name : new String[] {"mac-roman", "utf_8_sig", "cp037", "latin-1", "iso-latin-1", "UTF8",
                "utf-8-sig", "ebcdic-cp-us", "u8", "cp1252", "windows-1252", "euc-jp", "macintosh", "ISO8859-15"}) {
            String java = SourceEncoding.javaName(SourceEncoding.tokenizerName(name));
            assertTrue(java != null && !java.isEmpty(), name + " -> " + java);
        }
        assertEquals("x-MacRoman", SourceEncoding.javaName("mac-roman"));
        assertEquals("IBM037", SourceEncoding.javaName("cp037"));
        assertNull(SourceEncoding.javaName("foobar"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void coding_lines_cpython_accepts_decode_and_those_it_rejects_are_its_syntax_error() throws Exception {
        byte[] mac = bytes("# coding: mac-roman\nx = 'caf\u008e'\n");
        assertNull(SourceEncoding.problem(mac));
        assertEquals("# coding: mac-roman\nx = 'caf\u00e9'\n", SourceEncoding.detect(mac).decode(mac));
        assertNull(SourceEncoding.problem(bytes("# coding: utf_8_sig\nx = 1\n")));
        assertNull(SourceEncoding.problem(bytes("\u00ef\u00bb\u00bf# -*- coding: utf-8 -*-\nx = 1\n")));
        assertNull(SourceEncoding.problem(bytes("\u00ef\u00bb\u00bf# coding: utf_8_sig\nx = 1\n")));
        assertEquals("encoding problem: iso-8859-1 with BOM",
                SourceEncoding.problem(bytes("\u00ef\u00bb\u00bf# -*- coding: latin-1 -*-\nx = 1\n")));
        assertEquals("encoding problem: UTF8 with BOM", SourceEncoding.problem(bytes("\u00ef\u00bb\u00bf# coding: UTF8\nx = 1\n")));
        assertEquals("unknown encoding: foobar", SourceEncoding.problem(bytes("# coding: foobar\nx = 1\n")));
        // the second line counts, the third does not; "coding" at a line's very end names nothing
        assertEquals("unknown encoding: foobar",
                SourceEncoding.problem(bytes("#!/usr/bin/env python\n# vim: set fileencoding=foobar :\nx = 1\n")));
        assertNull(SourceEncoding.problem(bytes("#!/usr/bin/env python\nx = 1\n# coding: foobar\n")));
        assertNull(SourceEncoding.problem(bytes("# coding\n# no coding here\n")));
        assertEquals("unknown encoding: foobar", SourceEncoding.problem(bytes("#coding=foobar")));
        byte[] ebcdic = "# coding: cp037\nx = 1\n".getBytes(Charset.forName("IBM037"));
        assertNull(SourceEncoding.problem(bytes("# coding: cp037\n")));
        assertEquals(StandardCharsets.UTF_8, SourceEncoding.detect(ebcdic).charset(),
                "CPython finds no coding line in EBCDIC bytes either");
    }

    @Test
    void bytes_that_are_not_utf_8_decode_to_escapes_and_encode_back_byte_for_byte() throws Exception {
        byte[] latin = bytes("x = 1  # caf\u00e9 \u00ff\u00e2\u0082\n# ok \u00e2\u0082\u00ac\n");
        SourceEncoding enc = SourceEncoding.detect(latin);
        String text = enc.decode(latin);
        assertEquals("x = 1  # caf\udce9 \udcff\udce2\udc82\n# ok \u20ac\n", text);
        assertTrue(SourceEncoding.isEscapedByte(text, text.indexOf('\udce9')));
        assertEquals(0xe9, SourceEncoding.escapedByte('\udce9'));
        org.junit.jupiter.api.Assertions.assertArrayEquals(latin, enc.encode(text));
        String edited = "y = 2\n" + text;
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes("y = 2\n".getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(latin);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toByteArray(), enc.encode(edited));
        // an astral char is a surrogate pair, never an escaped byte
        String astral = "# \ud83d\udc80\n";
        assertTrue(!SourceEncoding.isEscapedByte(astral, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(astral.getBytes(StandardCharsets.UTF_8),
                enc.encode(astral));
    }
}
