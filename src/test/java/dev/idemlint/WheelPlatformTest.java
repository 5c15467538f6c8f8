package dev.idemlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platforms of the wheel: the tag scripts/dist gives a runtime (src/dist/platform_tag.py), read
 * from stand-in ELF and Mach-O binaries, and the wheel's launcher on Windows, where it runs the
 * bundled java.exe as a child and returns its exit status.
 */
class WheelPlatformTest {
    private static final Path ROOT = Path.of(System.getProperty("idemlint.root", System.getProperty("user.dir")));
    private static final String PYTHON = System.getenv().getOrDefault("IDEMLINT_PYTHON", "/usr/bin/python3");
    private static final int LC_BUILD_VERSION = 0x32;
    private static final int LC_VERSION_MIN_MACOSX = 0x24;

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    @Test
    void linux_tags_name_the_newest_glibc_the_binaries_need() throws Exception {
        Path runtime = runtime("linux");
        Files.write(runtime.resolve("lib/libjvm.so"), elf("GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.3.4"));
        Files.write(runtime.resolve("bin/java"), elf("GLIBC_2.14"));
        Files.writeString(runtime.resolve("lib/modules.txt"), "GLIBC_2.99 in a text file counts for nothing");
        assertEquals(new Result(0, "manylinux_2_17_x86_64\n", ""), tag("linux", "x86_64", runtime, ""));
        assertEquals(new Result(0, "manylinux_2_28_x86_64\n", ""), tag("linux", "x86_64", runtime, "manylinux_2_28_x86_64"));
        Result older = tag("linux", "x86_64", runtime, "manylinux_2_12_x86_64");
        assertEquals(2, older.exit);
        assertTrue(older.err.contains("the runtime needs glibc 2.17; manylinux_2_12_x86_64 would install it where it cannot run"), older.err);
        Result other = tag("linux", "x86_64", runtime, "manylinux_2_17_aarch64");
        assertEquals(2, other.exit);
        assertTrue(other.err.contains("manylinux_2_17_aarch64 is not a manylinux_2_<N>_x86_64 tag"), other.err);
    }

    @Test
    void macos_tags_name_the_newest_minimum_macos_the_binaries_declare() throws Exception {
        Path runtime = runtime("macos");
        Files.write(runtime.resolve("bin/java"), machO(LC_BUILD_VERSION, 11, 0));
        Files.write(runtime.resolve("lib/libjvm.dylib"), machO(LC_BUILD_VERSION, 11, 0));
        assertEquals(new Result(0, "macosx_11_0_arm64\n", ""), tag("macos", "arm64", runtime, ""));
        assertEquals(new Result(0, "macosx_11_0_arm64\n", ""), tag("macos", "arm64", runtime, "macosx_11_0_arm64"));
        // one library that needs macOS 12.3: from 11 on a tag names the major version only
        Files.write(runtime.resolve("lib/libnet.dylib"), machO(LC_BUILD_VERSION, 12, 3));
        assertEquals(new Result(0, "macosx_12_0_arm64\n", ""), tag("macos", "arm64", runtime, ""));
        Result older = tag("macos", "arm64", runtime, "macosx_11_0_arm64");
        assertEquals(2, older.exit);
        assertTrue(older.err.contains("the runtime needs macOS 12.0; macosx_11_0_arm64 would install it where it cannot run"),
                older.err);
        // an Intel runtime of an older SDK declares LC_VERSION_MIN_MACOSX
        Path intel = runtime("intel");
        Files.write(intel.resolve("bin/java"), machO(LC_VERSION_MIN_MACOSX, 10, 12));
        assertEquals(new Result(0, "macosx_10_12_x86_64\n", ""), tag("macos", "x86_64", intel, ""));
        assertEquals(new Result(0, "macosx_11_0_x86_64\n", ""), tag("macos", "x86_64", intel, "macosx_11_0_x86_64"));
        // a Mach-O file cut short within its load commands is read as far as it goes
        byte[] whole = machO(LC_BUILD_VERSION, 13, 0);
        Files.write(intel.resolve("lib/cut.dylib"), java.util.Arrays.copyOf(whole, 40));
        assertEquals(new Result(0, "macosx_10_12_x86_64\n", ""), tag("macos", "x86_64", intel, ""));
        Result none = tag("macos", "arm64", runtime("empty"), "");
        assertEquals(2, none.exit);
        assertTrue(none.err.contains("no Mach-O binary of the runtime names its minimum macOS"), none.err);
    }

    @Test
    void windows_tags_follow_the_machine() throws Exception {
        Path runtime = runtime("windows");
        assertEquals(new Result(0, "win_amd64\n", ""), tag("windows", "x86_64", runtime, ""));
        assertEquals(new Result(0, "win_amd64\n", ""), tag("windows", "x86_64", runtime, "win_amd64"));
        Result other = tag("windows", "x86_64", runtime, "win32");
        assertEquals(2, other.exit);
        assertTrue(other.err.contains("win32 is not win_amd64, the tag of this Windows runtime"), other.err);
    }

    @Test
    void on_windows_the_launcher_runs_java_exe_as_a_child_and_returns_its_status() throws Exception {
        // the wheel's package with a stand-in runtime whose java.exe prints its arguments and exits 3
        Path pkg = Files.createDirectories(tmp.resolve("site/idemlint"));
        try (var files = Files.list(ROOT.resolve("src/dist/python/idemlint"))) {
            for (Path f : files.toList()) {
                Files.copy(f, pkg.resolve(f.getFileName()));
            }
        }
        Files.copy(ROOT.resolve("src/dist/jvm.options"), pkg.resolve("jvm.options"));
        Path java = Files.createDirectories(pkg.resolve("runtime/bin")).resolve("java.exe");
        Files.writeString(java, "#!/bin/sh\necho \"$0 $*\"\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(List.of(PYTHON, "-c", """
                import os, sys
                from idemlint import __main__ as m
                m._WINDOWS = True
                sys.argv = ["idemlint", "lint", "x"]
                status = m.main()
                sys.stdout.flush()
                print("status", status)
                """), tmp.resolve("site"));
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith(java + " -XX:"), r.out);
        assertTrue(r.out.contains(" -m idemlint lint x\n"), r.out);
        assertTrue(r.out.endsWith("status 3\n"), "the child's exit status is returned: " + r.out);
    }

    private Result tag(String os, String arch, Path runtime, String given) throws Exception {
        return run(List.of(PYTHON, ROOT.resolve("src/dist/platform_tag.py").toString(), os, arch, runtime.toString(), given), ROOT);
    }

    private Path runtime(String name) throws IOException {
        Path runtime = tmp.resolve(name);
        Files.createDirectories(runtime.resolve("bin"));
        Files.createDirectories(runtime.resolve("lib"));
        return runtime;
    }

    /** An ELF file's magic and a dynamic string table naming the symbol versions given. */
    private static byte[] elf(String... versions) {
        StringBuilder b = new StringBuilder("\u007fELF\u0002\u0001\u0001\u0000");
        for (String v : versions) {
            b.append('\0').append(v);
        }
        return b.append('\0').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 64-bit little-endian Mach-O header with an LC_SEGMENT_64 stand-in and one version load command. */
    private static byte[] machO(int command, int major, int minor) {
        ByteBuffer b = ByteBuffer.allocate(32 + 72 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xfeedfacf).putInt(0x0100000c).putInt(0).putInt(2).putInt(2).putInt(72 + 24).putInt(0).putInt(0);
        b.putInt(0x19).putInt(72).put(new byte[64]); // LC_SEGMENT_64, its body left empty
        int version = major << 16 | minor << 8;
        if (command == LC_BUILD_VERSION) {
            b.putInt(command).putInt(24).putInt(1).putInt(version).putInt(version).putInt(0);
        } else {
            b.putInt(command).putInt(16).putInt(version).putInt(version).put(new byte[8]);
        }
        return b.array();
    }

    private static Result run(List<String> command, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(p.exitValue(), out, err.get());
    }
}
